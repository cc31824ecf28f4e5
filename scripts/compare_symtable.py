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
import argparse
import ast
import concurrent.futures
import os
import re
import signal
import subprocess
import sys
import time
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
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
        how = f"exit code {rc}"
        if rc < 0:
            try:
                how = signal.Signals(-rc).name
            except ValueError:
                how = f"signal {-rc}"
        tail = err.decode("utf-8", "replace").strip().splitlines()[-2:]
        return path, "crash", f"{how}: {' | '.join(tail)}"
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
                    help="write the paths of the files that did not come out identical")
    ap.add_argument("--require", type=float, metavar="PCT",
                    help="exit 1 if fewer than PCT%% of the parsable files are identical")
    args = ap.parse_args()

    garter = os.path.abspath(args.garter)
    if not (os.path.isfile(garter) and os.access(garter, os.X_OK)):
        print(f"compare_symtable: no garter binary at {garter} (swift build -c release)")
        return 2
    files = args.files or python_files(args.lib)
    if not files:
        print(f"compare_symtable: no .py files under {args.lib}")
        return 2

    start = time.monotonic()
    results = []
    # Threads: each waits on a garter process, and CPython's dump of the next
    # file is made meanwhile.
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
    parsable = len(results) - c("unparsable")
    identical = c("identical")
    percent = 100.0 * identical / parsable if parsable else 0.0

    where = f"{len(args.files)} files given" if args.files else args.lib
    print(f"compare_symtable: {where}, garter {garter}, {elapsed:.0f}s")
    rows = [("files", len(results)),
            ("CPython-parsable", parsable),
            ("  identical", identical),
            ("  different", c("different")),
            ("  garter rejects, CPython not", c("rejected")),
            ("  CPython rejects, garter not", c("accepted")),
            ("  garter crashes", c("crash")),
            ("  garter timeouts", c("timeout")),
            ("CPython cannot parse (skipped)", c("unparsable"))]
    for label, value in rows:
        print(f"  {label:<32}{value:>7}")

    bad = [r for r in results if r[1] not in ("identical", "unparsable")]
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
    print(f"compare_symtable: {identical}/{parsable} identical, {percent:.2f}%{verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
