#!/usr/bin/env python3
"""Compare Garter's AST dumps with CPython's for every .py file of a Lib folder.

    python3 scripts/compare_ast.py                                # .build/release/garter
    python3 scripts/compare_ast.py --garter .build/debug/garter --jobs 2 --show 20
    python3 scripts/compare_ast.py --list-failures /tmp/failing.txt
    python3 scripts/compare_ast.py /usr/lib/python3.11/json/*.py  # only these files

For each file: CPython's dump is computed in this process,
ast.dump(ast.parse(source_bytes, path), include_attributes=True), and Garter's is the
stdout of `garter --dump-ast path` (several at a time, --jobs). Files CPython itself
cannot parse are counted and left out of the percentage (a Garter that accepts one
of them is reported). --require PCT makes the exit status 1 when fewer than PCT percent
of the CPython-parsable files dump identically (tests/run.py uses 99.5).
"""
import ast
import os
import subprocess
import sys
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import lib_comparison  # noqa: E402


def cpython_dump(source, path):
    """CPython's dump as UTF-8 bytes plus a newline, or None if CPython rejects the file."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(source, path)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    return ast.dump(tree, include_attributes=True).encode("utf-8") + b"\n"


def first_difference(expected, actual, context=60):
    n = min(len(expected), len(actual))
    i = next((k for k in range(n) if expected[k] != actual[k]), n)
    lo = max(0, i - context)

    def clip(b):
        return b[lo:i + context].decode("utf-8", "backslashreplace").replace("\n", "\\n")
    return (f"first difference at byte {i} (expected {len(expected)} bytes, got {len(actual)})\n"
            f"      cpython: ...{clip(expected)}\n"
            f"      garter:  ...{clip(actual)}")


def compare_one(garter, path, timeout):
    """Return (path, status, detail). status: identical, different, rejected, crash,
    timeout, cpython-rejects, both-reject, garter-accepts-invalid."""
    try:
        proc = subprocess.run([garter, "--dump-ast", path], stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
        rc, out, err = proc.returncode, proc.stdout, proc.stderr
    except subprocess.TimeoutExpired:
        rc, out, err = None, b"", b""
    with open(path, "rb") as f:
        source = f.read()
    expected = cpython_dump(source, path)
    if expected is None:
        return path, ("garter-accepts-invalid" if rc == 0 else "both-reject"), ""
    if rc is None:
        return path, "timeout", f"no answer within {timeout} s"
    if rc not in (0, 1):
        return path, "crash", lib_comparison.describe_crash(rc, err)
    if rc == 1:
        tail = err.decode("utf-8", "replace").strip().splitlines()[-4:]
        return path, "rejected", " | ".join(tail)
    if out != expected:
        return path, "different", first_difference(expected, out)
    return path, "identical", ""


def summarize(count, total):
    c = lambda k: count.get(k, 0)  # noqa: E731
    cpython_rejects = c("both-reject") + c("garter-accepts-invalid")
    parsable = total - cpython_rejects
    rows = [("files", total),
            ("CPython-parsable", parsable),
            ("  identical", c("identical")),
            ("  different dumps", c("different")),
            ("  garter syntax errors", c("rejected")),
            ("  garter crashes", c("crash")),
            ("  garter timeouts", c("timeout")),
            ("CPython rejects (skipped)", cpython_rejects),
            ("  garter accepts anyway", c("garter-accepts-invalid"))]
    return rows, parsable


if __name__ == "__main__":
    sys.exit(lib_comparison.main("compare_ast", __doc__, compare_one, summarize,
                                     ("identical", "both-reject")))
