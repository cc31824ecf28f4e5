#!/usr/bin/env python3
"""CPython's regression tests under Garter, next to CPython's own counts.

Runs each module of `MODULES` and of `THREAD_MODULES` (from Debian's libpython3.11-testsuite) with
`scripts/regrtest/run_one.py` under Garter and under python3, and prints a
Markdown table: tests run, passed, failed, errors, skipped for both, and
the share of the tests that pass under CPython that also pass under Garter,
summed over each group (issue 5's list: target at least 90%; the thread
tests of issue 6: CPython's counts minus the exceptions documented in
docs/compatibility.md). A module that kills
Garter (a signal, a Swift trap) or times out is marked as such.

    python3 scripts/regrtest_table.py [--garter .build/release/garter] [-k test_int] [--out docs/regrtest.md]
"""
import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUNNER = os.path.join(ROOT, "scripts", "regrtest", "run_one.py")
MODULES = """test_grammar test_int test_float test_bool test_list test_tuple test_dict test_set
test_string test_unicode test_bytes test_generators test_exceptions test_scope test_class test_descr
test_augassign test_contains test_opcodes test_with test_raise test_keywordonlyarg test_unpack
test_fstring test_math test_re test_json test_collections test_functools test_itertools
test_dataclasses test_enum test_weakref test_gc""".split()
# Issue 6's thread tests: a second group, summed apart so that the issue-5
# list's share above stays what it was.
THREAD_MODULES = "test_thread test_threading test_threading_local test_queue".split()
# Native modules added later (array, cmath, unicodedata): a third group.
NATIVE_MODULES = "test_array test_cmath test_unicodedata".split()
GROUPS = (("issue 5", MODULES), ("threads", THREAD_MODULES), ("native modules", NATIVE_MODULES))


def run(interpreter, module, timeout):
    started = time.monotonic()
    try:
        done = subprocess.run([interpreter, RUNNER, module], capture_output=True, timeout=timeout,
                              cwd="/tmp", env=dict(os.environ, PYTHONHASHSEED="0"))
    except subprocess.TimeoutExpired:
        return {"status": f"timeout ({timeout:.0f} s)"}
    seconds = time.monotonic() - started
    for line in done.stdout.decode(errors="replace").splitlines():
        if line.startswith("REGRTEST-COUNTS "):
            counts = json.loads(line[len("REGRTEST-COUNTS "):])
            counts["status"] = "ok" if not counts.get("load_error") else counts["load_error"]
            counts["seconds"] = seconds
            return counts
    tail = done.stderr.decode(errors="replace").strip().splitlines()[-1:] or [""]
    if done.returncode < 0:
        return {"status": f"crashed (signal {-done.returncode})", "detail": tail[0][:200]}
    return {"status": f"exit {done.returncode}", "detail": tail[0][:200]}


def passed(counts):
    if "run" not in counts:
        return 0
    return counts["run"] - counts["failures"] - counts["errors"] - counts["skipped"] - counts["unexpected_successes"]


def cells(counts):
    if "run" not in counts:
        return ["–"] * 5
    return [str(counts["run"]), str(passed(counts)), str(counts["failures"]), str(counts["errors"]), str(counts["skipped"])]


def group_table(title, modules, results):
    """The Markdown table of one group of modules, with its sum."""
    lines = ["| module | Garter run | passed | failed | errors | skipped | CPython run | passed | failed | errors | skipped | Garter status |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    total_garter = total_cpython = crashes = 0
    for module in modules:
        garter, cpython = results[module]["garter"], results[module]["cpython"]
        total_garter += min(passed(garter), passed(cpython))
        total_cpython += passed(cpython)
        crashes += garter["status"].startswith("crashed")
        status = garter["status"] + (f": {garter['detail']}" if garter.get("detail") else "")
        lines.append(f"| {module} | " + " | ".join(cells(garter)) + " | " + " | ".join(cells(cpython))
                     + f" | {status.replace('|', '/')} |")
    share = 100.0 * total_garter / total_cpython if total_cpython else 0.0
    target = "target 90%" if title == "issue 5" else "target: all but the documented exceptions"
    lines.append("")
    lines.append(f"Passing under Garter: {total_garter} of the {total_cpython} tests that pass under CPython "
                 f"({share:.1f}%; {target}). Modules that crashed Garter: {crashes}.")
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--garter", default=os.path.join(ROOT, ".build", "release", "garter"))
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("-k", action="append", help="only these modules")
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", help="also write the table to this Markdown file")
    args = parser.parse_args()
    args.garter = os.path.abspath(args.garter)
    groups = [(title, [m for m in members if not args.k or m in args.k]) for title, members in GROUPS]
    groups = [(title, members) for title, members in groups if members]
    modules = [m for _, members in groups for m in members]
    results = {}
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        futures = {pool.submit(run, interpreter, module, args.timeout): (module, which)
                   for module in modules for which, interpreter in (("garter", args.garter), ("cpython", args.python))}
        for future in concurrent.futures.as_completed(futures):
            module, which = futures[future]
            results.setdefault(module, {})[which] = future.result()
            if len(results[module]) == 2:
                print(f"  {module}: garter {results[module]['garter']['status']}", file=sys.stderr)
    lines = []
    for title, members in groups:
        if lines:
            lines.append("")
        if len(groups) > 1:
            lines += [f"**{title}**", ""]
        lines += group_table(title, members, results)
    table = "\n".join(lines)
    print(table)
    if args.out:
        with open(args.out, "w") as handle:
            handle.write("# CPython's regression tests under Garter\n\n"
                         "Made by `python3 scripts/regrtest_table.py --out docs/regrtest.md` (release build); "
                         "\"passed\" is run − failed − errors − skipped − unexpected successes.\n\n" + table + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
