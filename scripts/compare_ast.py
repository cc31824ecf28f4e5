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
import argparse
import ast
import concurrent.futures
import os
import signal
import subprocess
import sys
import time
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


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
        how = f"exit code {rc}"
        if rc < 0:
            try:
                how = signal.Signals(-rc).name
            except ValueError:
                how = f"signal {-rc}"
        tail = err.decode("utf-8", "replace").strip().splitlines()[-2:]
        return path, "crash", f"{how}: {' | '.join(tail)}"
    if rc == 1:
        tail = err.decode("utf-8", "replace").strip().splitlines()[-4:]
        return path, "rejected", " | ".join(tail)
    if out != expected:
        return path, "different", first_difference(expected, out)
    return path, "identical", ""


def python_files(lib):
    found = []
    for dirpath, dirnames, filenames in os.walk(lib):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        found.extend(os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".py"))
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("files", nargs="*", help="compare only these files")
    ap.add_argument("--garter", default=os.path.join(ROOT, ".build", "release", "garter"))
    ap.add_argument("--lib", default="/usr/lib/python3.11")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per file (default 60)")
    ap.add_argument("--show", type=int, default=10, help="differences to print (default 10)")
    ap.add_argument("--list-failures", metavar="FILE",
                    help="write the paths of the files that did not dump identically")
    ap.add_argument("--require", type=float, metavar="PCT",
                    help="exit 1 if fewer than PCT%% of the parsable files are identical")
    args = ap.parse_args()

    garter = os.path.abspath(args.garter)
    if not (os.path.isfile(garter) and os.access(garter, os.X_OK)):
        print(f"compare_ast: no garter binary at {garter} (swift build -c release)")
        return 2
    files = args.files or python_files(args.lib)
    if not files:
        print(f"compare_ast: no .py files under {args.lib}")
        return 2

    start = time.monotonic()
    results = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = [pool.submit(compare_one, garter, p, args.timeout) for p in files]
        for n, fut in enumerate(concurrent.futures.as_completed(futures), 1):
            results.append(fut.result())
            if sys.stderr.isatty() and n % 100 == 0:
                print(f"\r{n}/{len(files)}", end="", file=sys.stderr, flush=True)
    if sys.stderr.isatty():
        print("\r", end="", file=sys.stderr)
    results.sort()
    elapsed = time.monotonic() - start

    count = {}
    for _, status, _ in results:
        count[status] = count.get(status, 0) + 1
    c = lambda k: count.get(k, 0)  # noqa: E731
    cpython_rejects = c("both-reject") + c("garter-accepts-invalid")
    parsable = len(results) - cpython_rejects
    identical = c("identical")
    percent = 100.0 * identical / parsable if parsable else 0.0

    where = f"{len(args.files)} files given" if args.files else args.lib
    print(f"compare_ast: {where}, garter {garter}, {elapsed:.0f}s")
    rows = [("files", len(results)),
            ("CPython-parsable", parsable),
            ("  identical", identical),
            ("  different dumps", c("different")),
            ("  garter syntax errors", c("rejected")),
            ("  garter crashes", c("crash")),
            ("  garter timeouts", c("timeout")),
            ("CPython rejects (skipped)", cpython_rejects),
            ("  garter accepts anyway", c("garter-accepts-invalid"))]
    for label, value in rows:
        print(f"  {label:<28}{value:>7}")

    bad = [r for r in results if r[1] not in ("identical", "both-reject")]
    for path, status, detail in bad[:args.show]:
        shown = os.path.relpath(path, args.lib) if path.startswith(args.lib) else path
        print(f"  [{status}] {shown}")
        if detail:
            print("      " + detail)
    if len(bad) > args.show:
        print(f"  ... and {len(bad) - args.show} more (--show N, --list-failures FILE)")
    if args.list_failures:
        with open(args.list_failures, "w", encoding="utf-8") as f:
            for path, status, _ in bad:
                f.write(path + "\n")
        print(f"  failing files written to {args.list_failures}")

    verdict = ""
    ok = True
    if args.require is not None:
        ok = parsable > 0 and identical * 100.0 >= args.require * parsable
        verdict = f" (required {args.require}%: {'OK' if ok else 'FAILED'})"
    print(f"compare_ast: {identical}/{parsable} identical, {percent:.2f}%{verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
