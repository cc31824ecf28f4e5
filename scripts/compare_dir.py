#!/usr/bin/env python3
"""What Garter lacks of CPython 3.11's built-in surface (issue 4).

Runs the same snippet under python3 and Garter: `dir(builtins)` and `dir(T)`
for each built-in type the issue names, and prints, per entry, the names
CPython has and Garter does not (and, with --extra, the reverse). Exit
status 1 when anything is missing.

    python3 scripts/compare_dir.py [--garter .build/release/garter] [--extra]
"""
import argparse
import ast
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SNIPPET = r"""
import builtins
types = [object, type, int, bool, float, complex, str, bytes, bytearray, memoryview, list, tuple, dict,
         set, frozenset, range, slice, enumerate, zip, map, filter, reversed, property, super,
         staticmethod, classmethod, BaseException, Exception]
surface = {"builtins": dir(builtins)}
for t in types:
    surface[t.__name__] = dir(t)
print(repr(surface))
"""


def surface(interpreter):
    done = subprocess.run([interpreter, "-c", SNIPPET], capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        sys.exit(f"{interpreter} failed:\n{done.stderr}")
    return ast.literal_eval(done.stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--garter", default=os.path.join(ROOT, ".build", "release", "garter"))
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--extra", action="store_true", help="also list names only Garter has")
    args = parser.parse_args()
    cpython, garter = surface(args.python), surface(args.garter)
    missing_total = 0
    for entry, names in cpython.items():
        missing = sorted(set(names) - set(garter.get(entry, [])))
        extra = sorted(set(garter.get(entry, [])) - set(names))
        missing_total += len(missing)
        line = f"{entry}: {len(names) - len(missing)}/{len(names)}"
        if missing:
            line += "  missing: " + " ".join(missing)
        if args.extra and extra:
            line += "  extra: " + " ".join(extra)
        print(line)
    print(f"missing in all: {missing_total}")
    return 1 if missing_total else 0


if __name__ == "__main__":
    sys.exit(main())
