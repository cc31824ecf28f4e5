#!/usr/bin/env python3
"""Front-end benchmark: parse CPython 3.11's whole Lib with CPython and with Garter.

    python3 bench/parse_bench.py                      # .build/release/garter
    python3 bench/parse_bench.py --garter PATH --lib /usr/lib/python3.11 --repeat 5

Collects every .py file under the Lib folder that CPython parses, then:
  CPython  reads all sources first, then times
           compile(src, path, "exec", ast.PyCF_ONLY_AST) over all of them (bytes in,
           so decoding is included), best of --repeat runs;
  Garter   `garter --parse-bench LISTFILE`, which reads all files first and reports
           the seconds spent decoding, tokenizing and parsing them
           (`files=N errors=E seconds=S`), best of --repeat runs.
Prints a table with the ratio Garter/CPython (below 1 means Garter is faster).
Benchmarks report; they never fail on a timing.
"""
import argparse
import ast
import os
import re
import subprocess
import sys
import tempfile
import time
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def parsable_files(lib):
    files, sources = [], []
    for dirpath, dirnames, filenames in os.walk(lib):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            if not name.endswith(".py"):
                continue
            path = os.path.join(dirpath, name)
            with open(path, "rb") as f:
                src = f.read()
            try:
                compile(src, path, "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                continue
            files.append(path)
            sources.append(src)
    return files, sources


def time_cpython(files, sources, repeat):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for path, src in zip(files, sources):
            compile(src, path, "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
        best = min(best, time.perf_counter() - start)
    return best


def time_garter(garter, list_file, repeat):
    """Best reported seconds, and the last `files=N errors=E` line."""
    best, line = float("inf"), ""
    for _ in range(repeat):
        proc = subprocess.run([garter, "--parse-bench", list_file], stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        m = re.search(r"files=(\d+) errors=(\d+) seconds=([0-9.eE+-]+)", proc.stdout)
        if proc.returncode != 0 or not m:
            tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
            raise RuntimeError(f"garter --parse-bench exited {proc.returncode}: "
                               + " | ".join(tail))
        best = min(best, float(m.group(3)))
        line = m.group(0)
    return best, line


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--garter", default=os.path.join(ROOT, ".build", "release", "garter"))
    ap.add_argument("--lib", default="/usr/lib/python3.11")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each; the best counts")
    args = ap.parse_args()

    warnings.simplefilter("ignore")     # SyntaxWarnings from a few Lib files
    files, sources = parsable_files(args.lib)
    size = sum(len(s) for s in sources)
    print(f"{len(files)} files CPython parses under {args.lib} "
          f"({size / 1e6:.1f} MB), best of {args.repeat}")

    cpython = time_cpython(files, sources, args.repeat)
    garter_seconds, garter_line = None, ""
    garter = os.path.abspath(args.garter)
    if not os.access(garter, os.X_OK):
        note = f"no garter binary at {garter} (swift build -c release)"
    else:
        with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8",
                                         delete=False) as f:
            f.write("\n".join(files) + "\n")
            list_file = f.name
        try:
            garter_seconds, garter_line = time_garter(garter, list_file, args.repeat)
            note = f"garter reported: {garter_line}"
        except RuntimeError as e:
            note = str(e)
        finally:
            os.unlink(list_file)

    ratio = f"{garter_seconds / cpython:.2f}" if garter_seconds else "-"
    gsec = f"{garter_seconds:.3f}" if garter_seconds else "-"
    print(f"{'benchmark':<24}{'files':>7}{'CPython s':>12}{'Garter s':>12}{'Garter/CPython':>16}")
    print(f"{'parse Lib (AST only)':<24}{len(files):>7}{cpython:>12.3f}{gsec:>12}{ratio:>16}")
    print(note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
