#!/usr/bin/env python3
"""Runs the same programs under Garter and CPython in one run and prints ratios.

    python3 bench/run.py [--garter .build/release/garter] [--repeat 3] [-k NAME]

Each program in bench/programs/ runs --repeat times under each interpreter;
the best wall time and the largest peak memory (max RSS, from wait4) are kept.
The outputs must be identical, or the program is reported as failing instead
of timed. The table ends with the geometric means of the time and memory
ratios (Garter/CPython: below 1 means Garter is faster or smaller).
Benchmarks report; they never fail on a timing.
"""
import argparse
import math
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--garter", default=os.path.join(ROOT, ".build", "release", "garter"))
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("-k", action="append", default=[])
    options = parser.parse_args()
    folder = os.path.join(ROOT, "bench", "programs")
    programs = sorted(name for name in os.listdir(folder) if name.endswith(".py")
                      and (not options.k or any(k in name for k in options.k)))
    print(f"{'program':24} {'CPython s':>10} {'Garter s':>10} {'time':>7} {'CPython MiB':>12} {'Garter MiB':>11} {'memory':>7}")
    time_ratios, memory_ratios = [], []
    for name in programs:
        path = os.path.join(folder, name)
        python_time, python_peak, python_output = measure_with_rss([options.python, path], options.repeat)
        garter_time, garter_peak, garter_output = measure_with_rss([options.garter, path], options.repeat)
        label = name[:-3]
        if python_time is None:
            print(f"{label:24} CPython failed: {python_output.strip()[-200:]}")
            continue
        if garter_time is None:
            print(f"{label:24} Garter failed: {garter_output.strip()[-200:]}")
            continue
        if garter_output != python_output:
            print(f"{label:24} outputs differ: CPython {python_output[:60]!r} Garter {garter_output[:60]!r}")
            continue
        time_ratio = garter_time / python_time
        memory_ratio = garter_peak / python_peak
        time_ratios.append(time_ratio)
        memory_ratios.append(memory_ratio)
        print(f"{label:24} {python_time:10.3f} {garter_time:10.3f} {time_ratio:7.2f} "
              f"{python_peak / 1024:12.1f} {garter_peak / 1024:11.1f} {memory_ratio:7.2f}")
    if time_ratios:
        mean = lambda values: math.exp(sum(map(math.log, values)) / len(values))
        print(f"{'geometric mean':24} {'':10} {'':10} {mean(time_ratios):7.2f} {'':12} {'':11} {mean(memory_ratios):7.2f}")


def measure_with_rss(command, repeat):
    """Best wall time, largest max RSS in KiB, and stdout of `command` run `repeat` times."""
    best, peak, output = math.inf, 0, None
    for _ in range(repeat):
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        out = process.stdout.read()
        err = process.stderr.read()
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            return None, None, (out + err).decode(errors="replace")
        best = min(best, elapsed)
        peak = max(peak, usage.ru_maxrss)
        output = out
    return best, peak, output


if __name__ == "__main__":
    main()
