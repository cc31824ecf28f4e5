#!/usr/bin/env python3
"""Runs the same programs under Garter and CPython in one run and prints ratios.

    python3 bench/run.py [--garter .build/release/garter] [--repeat 3] [-k NAME]...

Rows, in groups (see harness/catalogue.py): start-up (`-c pass`,
`-c "import unittest"`), the micro programs in bench/programs/, pyperformance's
pure-Python benchmarks (fetched from PyPI into bench/.cache on first use) run
under the pyperf stand-in in bench/pyperf_stub/, and bench/gil/ when it exists.
Each program runs --repeat times under each interpreter, alternating; the best
wall time and the largest peak memory (max RSS) are kept. Outputs are compared
(harness/same_result.py); a program that fails or differs under Garter shows
why and is left out of the geometric means. The run is also written as JSON
(--json). Benchmarks report; they never fail on a timing.
"""
import argparse
import os
import sys

from harness import catalogue, comparison, pyperformance_cache, results_file, table

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
GROUP_TITLES = {"startup": "start-up", "micro": "micro programs (bench/programs)",
                "pyperformance": "pyperformance", "gil": "GIL (bench/gil)"}
PROGRAM_GROUPS = ("micro", "pyperformance", "gil")


def parse_options():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--garter", default=os.path.join(ROOT, ".build", "release", "garter"),
                        help="the Garter executable (default: the release build)")
    parser.add_argument("--python", default=sys.executable, help="the CPython to compare with")
    parser.add_argument("--repeat", type=int, default=3, help="runs per program and interpreter")
    parser.add_argument("--startup-repeat", type=int, default=20,
                        help="runs of each start-up row (they are short and noisy)")
    parser.add_argument("-k", action="append", default=[], metavar="NAME",
                        help="only rows whose group/name contains NAME (repeatable)")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="multiply pyperformance loop counts (0.1 for a quick check)")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per run")
    parser.add_argument("--metric", choices=("wall", "cpu"), default="wall",
                        help="time compared: wall clock, or CPU (user+system; steadier on a "
                             "busy machine, but blind to waiting and to work on other cores)")
    parser.add_argument("--json", default=os.path.join(BENCH, "results", "latest.json"),
                        help="where to write the machine-readable results")
    parser.add_argument("--list", action="store_true", help="list the rows and exit")
    return parser.parse_args()


def chosen_benchmarks(options):
    benchmarks = catalogue.startup_benchmarks(options.startup_repeat)
    benchmarks += catalogue.program_benchmarks(os.path.join(BENCH, "programs"), "micro")
    wanted = lambda group, name: not options.k or any(k in f"{group}/{name}" for k in options.k)
    if any(wanted("pyperformance", name) for name in catalogue.PYPERFORMANCE_LOOPS):
        try:
            folder = pyperformance_cache.benchmarks_folder(options.python)
            benchmarks += catalogue.pyperformance_benchmarks(folder, options.scale)
        except RuntimeError as error:
            print(f"pyperformance rows left out: {error}", file=sys.stderr)
    benchmarks += catalogue.program_benchmarks(os.path.join(BENCH, "gil"), "gil")
    return [b for b in benchmarks if wanted(b.group, b.name)]


def main():
    options = parse_options()
    garter = os.path.abspath(options.garter) if os.sep in options.garter else options.garter
    benchmarks = chosen_benchmarks(options)
    if options.list:
        for benchmark in benchmarks:
            print(f"{benchmark.group}/{benchmark.name}")
        return 0
    # Same hash seed for both, so set and dict orders of str keys cannot differ by chance.
    base_env = dict(os.environ, PYTHONHASHSEED="0")
    print(f"CPython: {options.python}\nGarter:  {garter}\n"
          f"best {options.metric} time of {options.repeat} runs "
          f"(start-up: {options.startup_repeat}); ratio = Garter/CPython, below 1 is better\n")
    print(table.HEADER)
    comparisons, means, group = [], {}, None
    for benchmark in benchmarks:
        if benchmark.group != group:
            _close_group(group, comparisons, means)
            group = benchmark.group
            print(f"-- {GROUP_TITLES.get(group, group)}")
        result = comparison.compare(benchmark, options.python, garter, base_env,
                                    options.repeat, options.timeout, options.metric)
        comparisons.append(result)
        print(table.row(result), flush=True)
    _close_group(group, comparisons, means)
    programs = [c for c in comparisons if c.benchmark.group in PROGRAM_GROUPS]
    if programs:
        means["all programs"] = table.means(programs)
        print(table.mean_row("geometric mean, all programs", means["all programs"]))
    settings = {"python": options.python, "garter": garter, "metric": options.metric,
                "repeat": options.repeat,
                "startup_repeat": options.startup_repeat, "scale": options.scale,
                "filters": options.k}
    results_file.write(options.json, ROOT, settings, comparisons, means)
    print(f"\nresults: {options.json}")
    return 0


def _close_group(group, comparisons, means):
    if group is None:
        return
    rows = [c for c in comparisons if c.benchmark.group == group]
    means[group] = table.means(rows)
    print(table.mean_row("geometric mean", means[group]))


if __name__ == "__main__":
    sys.exit(main())
