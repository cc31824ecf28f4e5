"""The lines bench/run.py reads back from a benchmark's standard output.

    #pyperf-stub name=<name> loops=<n> inner_loops=<k> values=<s>,<s>,...
    #pyperf-stub-result <repr of the value the benchmarked function returned>

`values` are seconds per inner loop (pyperf's unit), one per measured value.
The result line is written only by bench_func-style calls, whose function
returns something; bench/run.py compares it between interpreters.
"""
import sys

TIMING_PREFIX = "#pyperf-stub "
RESULT_PREFIX = "#pyperf-stub-result "


def write_timing(name, loops, inner_loops, values):
    text = ",".join(repr(value) for value in values)
    sys.stdout.write("%sname=%s loops=%d inner_loops=%d values=%s\n"
                     % (TIMING_PREFIX, name, loops, inner_loops, text))
    sys.stdout.flush()


def write_result(result):
    # One line: a repr with newlines would be split by the reader.
    text = repr(result).replace("\n", "\\n")
    sys.stdout.write(RESULT_PREFIX + text + "\n")
    sys.stdout.flush()
