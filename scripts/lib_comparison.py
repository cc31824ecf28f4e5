"""What scripts/compare_ast.py and scripts/compare_symtable.py share: the
command line, running Garter over every .py file of a Lib folder in parallel,
and the report (counts, first failures, the --require verdict)."""
import argparse
import concurrent.futures
import os
import signal
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def python_files(lib):
    found = []
    for dirpath, dirnames, filenames in os.walk(lib):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        found.extend(os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".py"))
    return found


def describe_crash(rc, err):
    """The detail of a garter run that ended other than with exit status 0 or 1."""
    how = f"exit code {rc}"
    if rc < 0:
        try:
            how = signal.Signals(-rc).name
        except ValueError:
            how = f"signal {-rc}"
    tail = err.decode("utf-8", "replace").strip().splitlines()[-2:]
    return f"{how}: {' | '.join(tail)}"


def main(name, doc, compare_one, summarize, passing_statuses):
    """Runs `compare_one(garter, path, timeout) -> (path, status, detail)` over the
    files and reports. `summarize(count, total)` gives the report's rows and the
    number of files the percentage is taken over; files whose status is in
    `passing_statuses` are not listed as failures."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=doc.split("\n\n", 1)[1])
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
        print(f"{name}: no garter binary at {garter} (swift build -c release)")
        return 2
    files = args.files or python_files(args.lib)
    if not files:
        print(f"{name}: no .py files under {args.lib}")
        return 2

    start = time.monotonic()
    results = []
    # Threads: each waits on a garter process while CPython's side of the
    # next file is computed.
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
    rows, parsable = summarize(count, len(results))
    identical = count.get("identical", 0)
    percent = 100.0 * identical / parsable if parsable else 0.0

    where = f"{len(args.files)} files given" if args.files else args.lib
    print(f"{name}: {where}, garter {garter}, {elapsed:.0f}s")
    width = max(len(label) for label, _ in rows) + 2
    for label, value in rows:
        print(f"  {label:<{width}}{value:>7}")

    bad = [r for r in results if r[1] not in passing_statuses]
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
    print(f"{name}: {identical}/{parsable} identical, {percent:.2f}%{verdict}")
    return 0 if ok else 1
