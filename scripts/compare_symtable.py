#!/usr/bin/env python3
"""Compare Garter's symbol tables with CPython's for every .py file of a Lib folder.

    python3 scripts/compare_symtable.py                               # .build/release/garter
    python3 scripts/compare_symtable.py --garter .build-symtable/release/garter --show 20
    python3 scripts/compare_symtable.py --list-failures /tmp/failing.txt
    python3 scripts/compare_symtable.py /usr/lib/python3.11/json/*.py  # only these files

For each file, CPython's dump is made in this process by scripts/symtable_dump.py
(symtable.symtable(source_bytes, path, 'exec')), and Garter's is the stdout of
`garter --symtable path` (several at a time, --jobs). A file CPython's parser rejects
is counted and left out of the percentage. A file the parser accepts but the symbol
table (or the future-import check) rejects counts as identical when Garter rejects it
with the same message on the same line. --require PCT makes the exit status 1 when
fewer than PCT percent of the parsable files come out identical (tests/run.py uses 99.5).
"""
import ast
import os
import re
import subprocess
import sys
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import lib_comparison  # noqa: E402
import symtable_dump  # noqa: E402


def cpython_result(source, path):
    """("dump", bytes), ("error", (line, message)), or ("unparsable", None)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            ast.parse(source, path)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return "unparsable", None
        try:
            return "dump", symtable_dump.dump(source, path).encode("utf-8", "surrogateescape")
        except SyntaxError as e:
            return "error", (e.lineno, f"{type(e).__name__}: {e.msg}")


def garter_error(stderr):
    """(line, last line) of the SyntaxError Garter printed."""
    text = stderr.decode("utf-8", "replace").rstrip("\n").splitlines()
    line = None
    for entry in text:
        found = re.match(r'\s*File ".*", line (\d+)', entry)
        if found:
            line = int(found.group(1))
    return line, text[-1] if text else ""


def first_difference(expected, actual, context=3):
    exp = expected.decode("utf-8", "backslashreplace").splitlines()
    act = actual.decode("utf-8", "backslashreplace").splitlines()
    n = next((i for i in range(min(len(exp), len(act))) if exp[i] != act[i]), min(len(exp), len(act)))
    lo = max(0, n - context)
    shown = [f"first difference at dump line {n + 1}"]
    shown += [f"        cpython: {line}" for line in exp[lo:n + 2]]
    shown += [f"        garter:  {line}" for line in act[lo:n + 2]]
    return "\n".join(shown)


def compare_one(garter, path, timeout):
    """(path, status, detail). status: identical, different, rejected, accepted, crash,
    timeout, unparsable."""
    with open(path, "rb") as f:
        source = f.read()
    kind, expected = cpython_result(source, path)
    if kind == "unparsable":
        return path, "unparsable", ""
    try:
        proc = subprocess.run([garter, "--symtable", path], stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
        rc, out, err = proc.returncode, proc.stdout, proc.stderr
    except subprocess.TimeoutExpired:
        return path, "timeout", f"no answer within {timeout} s"
    if rc not in (0, 1):
        return path, "crash", lib_comparison.describe_crash(rc, err)
    if kind == "error":
        line, message = expected
        if rc == 0:
            return path, "accepted", f"CPython: line {line}: {message}"
        got = garter_error(err)
        if got != (line, message):
            return path, "different", f"CPython: line {line}: {message}\n      Garter:  line {got[0]}: {got[1]}"
        return path, "identical", ""
    if rc == 1:
        line, message = garter_error(err)
        return path, "rejected", f"line {line}: {message}"
    if out != expected:
        return path, "different", first_difference(expected, out)
    return path, "identical", ""


def summarize(count, total):
    c = lambda k: count.get(k, 0)  # noqa: E731
    parsable = total - c("unparsable")
    rows = [("files", total),
            ("CPython-parsable", parsable),
            ("  identical", c("identical")),
            ("  different", c("different")),
            ("  garter rejects, CPython not", c("rejected")),
            ("  CPython rejects, garter not", c("accepted")),
            ("  garter crashes", c("crash")),
            ("  garter timeouts", c("timeout")),
            ("CPython cannot parse (skipped)", c("unparsable"))]
    return rows, parsable


if __name__ == "__main__":
    sys.exit(lib_comparison.main("compare_symtable", __doc__, compare_one, summarize,
                                     ("identical", "unparsable")))
