"""Whether a program gave the same result under Garter as under CPython.

What is compared is each program's standard output (the exit status must be 0
for both), after two normalisations:
  - the stand-in pyperf's timing lines are dropped (they hold times); its
    result lines (the repr of what a bench_func benchmark returned) stay;
  - object addresses in default reprs (`at 0x7f...`) are masked.
For pyperformance benchmarks whose timed function returns nothing, a probe
(bench/pyperformance/probes/<name>.py) imports the unmodified benchmark module
and prints what its functions compute (energies, the rendered picture's
checksum, ...); the probe's output is compared in the same way. Some
benchmarks check themselves: hexiom raises, deltablue prints a message and
richards returns False when they compute a wrong answer.
Standard error is not compared: warnings and tracebacks differ in detail.
"""
import re

TIMING_PREFIX = "#pyperf-stub "     # bench/pyperf_stub/pyperf/_report.py
ADDRESS = re.compile(r"0x[0-9a-fA-F]+")


def normalised(stdout):
    lines = [line for line in stdout.splitlines() if not line.startswith(TIMING_PREFIX)]
    return ADDRESS.sub("0x…", "\n".join(lines))


def first_difference(expected, actual):
    """None when the normalised outputs are equal, else a short description."""
    expected, actual = normalised(expected), normalised(actual)
    if expected == actual:
        return None
    expected_lines, actual_lines = expected.splitlines(), actual.splitlines()
    for number, (want, got) in enumerate(zip(expected_lines, actual_lines), 1):
        if want != got:
            return f"line {number}: CPython {want[:50]!r}, Garter {got[:50]!r}"
    return f"CPython printed {len(expected_lines)} lines, Garter {len(actual_lines)}"


def stub_values(stdout):
    """Seconds per inner loop reported by the pyperf stand-in, if any."""
    values = []
    for line in stdout.splitlines():
        if line.startswith(TIMING_PREFIX):
            for field in line[len(TIMING_PREFIX):].split():
                key, _, text = field.partition("=")
                if key == "values" and text:
                    values.extend(float(value) for value in text.split(","))
    return values
