#!/usr/bin/env python3
"""A stand-in for the `garter` binary that implements its front-end command-line
contract with CPython, so the test, CI and bench scripts can be checked without a
working Garter build:

    python3 tests/run.py --garter scripts/fake_garter.py      # must pass everything

  fake_garter.py --dump-ast FILE     print ast.dump(ast.parse(src), include_attributes=True)
                                     and a newline, exit 0; on a syntax error print what
                                     `python3 FILE` prints to stderr, exit 1 (FILE may be -)
  fake_garter.py --symtable FILE     print scripts/symtable_dump.py's dump of FILE (CPython's
                                     symtable module), exit 0; on a syntax error print what
                                     `python3 FILE` prints to stderr, exit 1 (FILE may be -)
  fake_garter.py --parse-bench LIST  parse every file named in LIST (one path a line) and
                                     print `files=N errors=E seconds=S`
"""
import ast
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import symtable_dump  # noqa: E402


def dump_ast(path):
    if path == "-":
        source = sys.stdin.buffer.read()
    else:
        with open(path, "rb") as f:
            source = f.read()
    try:
        tree = ast.parse(source, "<stdin>" if path == "-" else path)
    except (SyntaxError, ValueError):
        # Let CPython print the error exactly as `python3 FILE` does (file mode,
        # absolute script path). The file did not compile, so nothing of it runs.
        args = [sys.executable, "-"] if path == "-" else [sys.executable, path]
        proc = subprocess.run(args, input=source if path == "-" else None,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        sys.stderr.buffer.write(proc.stderr)
        return 1
    sys.stdout.buffer.write(ast.dump(tree, include_attributes=True).encode("utf-8") + b"\n")
    return 0


def dump_symtable(path):
    if path == "-":
        source = sys.stdin.buffer.read()
    else:
        with open(path, "rb") as f:
            source = f.read()
    try:
        text = symtable_dump.dump(source, "<stdin>" if path == "-" else path)
    except (SyntaxError, ValueError):
        args = [sys.executable, "-"] if path == "-" else [sys.executable, path]
        proc = subprocess.run(args, input=source if path == "-" else None,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        sys.stderr.buffer.write(proc.stderr)
        return 1
    sys.stdout.buffer.write(text.encode("utf-8", "surrogateescape"))
    return 0


def parse_bench(list_file):
    with open(list_file, encoding="utf-8") as f:
        paths = [line.rstrip("\n") for line in f if line.strip()]
    sources = []
    for p in paths:
        with open(p, "rb") as f:
            sources.append((p, f.read()))
    errors = 0
    start = time.perf_counter()
    for p, src in sources:
        try:
            ast.parse(src, p)
        except (SyntaxError, ValueError):
            errors += 1
    seconds = time.perf_counter() - start
    print(f"files={len(sources)} errors={errors} seconds={seconds:.6f}")
    return 0


def main(argv):
    if len(argv) == 3 and argv[1] == "--dump-ast":
        return dump_ast(argv[2])
    if len(argv) == 3 and argv[1] == "--symtable":
        return dump_symtable(argv[2])
    if len(argv) == 3 and argv[1] == "--parse-bench":
        return parse_bench(argv[2])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
