#!/usr/bin/env python3
"""Compare Garter's bytecode with CPython 3.11's, code object by code object.

Every .py file of CPython's Lib (or the files/folders given) is compiled by
CPython (compile() + dis.dis) and by `garter --dis`; both listings are parsed
the same way and normalized: CACHE, PRECALL, EXTENDED_ARG and NOP are dropped,
3.11's forward/backward conditional jumps are merged into one name, jump
targets and exception-table ranges become positions in the normalized stream,
code-object addresses are dropped and frozenset items sorted. Garter's
prologue copy of a parameter into its cell (LOAD_FAST x; STORE_DEREF x before
RESUME, a documented difference of the slot layout) is dropped too. Two code
objects are identical when every instruction's opname and argument (argrepr
where dis gives one, else the raw argument) and the exception table match.

Line numbers are compared only with --lines (the line each instruction belongs
to, as dis shows them); columns are not compared.

Usage: scripts/compare_bytecode.py [--garter PATH] [--jobs N] [--show N] [FILE_OR_DIR ...]
"""
import argparse
import concurrent.futures
import dis
import io
import os
import re
import subprocess
import sys
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

INSTR = re.compile(r'^\s*(\d+)?\s+(?:-->)?\s*(>>)?\s*(\d+)\s+([A-Z_0-9]+)(?:\s+(-?\d+))?(?:\s+\((.*)\))?\s*$')
EXC = re.compile(r'^\s+(\d+) to (\d+) -> (\d+) \[(\d+)\]( lasti)?$')
HEADER = re.compile(r'^Disassembly of <code object (\S+) at 0x[0-9a-f]+, file ".*", line (\d+)>:$')
CODEREPR = re.compile(r'<code object (\S+) at 0x[0-9a-f]+, file ".*?", line (\d+)>')
WITH_LINES = False
DROP = {"CACHE", "PRECALL", "EXTENDED_ARG", "NOP"}
MERGE = {
    "POP_JUMP_FORWARD_IF_FALSE": "POP_JUMP_IF_FALSE", "POP_JUMP_BACKWARD_IF_FALSE": "POP_JUMP_IF_FALSE",
    "POP_JUMP_FORWARD_IF_TRUE": "POP_JUMP_IF_TRUE", "POP_JUMP_BACKWARD_IF_TRUE": "POP_JUMP_IF_TRUE",
    "POP_JUMP_FORWARD_IF_NONE": "POP_JUMP_IF_NONE", "POP_JUMP_BACKWARD_IF_NONE": "POP_JUMP_IF_NONE",
    "POP_JUMP_FORWARD_IF_NOT_NONE": "POP_JUMP_IF_NOT_NONE",
    "POP_JUMP_BACKWARD_IF_NOT_NONE": "POP_JUMP_IF_NOT_NONE",
}


def split_top(text):
    """Split 'a, (b, c), d' at top-level commas."""
    parts, depth, cur = [], 0, ""
    quote = None
    i = 0
    while i < len(text):
        ch = text[i]
        if quote:
            cur += ch
            if ch == "\\" and i + 1 < len(text):
                cur += text[i + 1]
                i += 1
            elif ch == quote:
                quote = None
        elif ch in "'\"":
            quote = ch
            cur += ch
        elif ch in "([{":
            depth += 1
            cur += ch
        elif ch in ")]}":
            depth -= 1
            cur += ch
        elif ch == "," and depth == 0:
            parts.append(cur.strip())
            cur = ""
        else:
            cur += ch
        i += 1
    if cur.strip():
        parts.append(cur.strip())
    return parts


def normalize_repr(text):
    text = CODEREPR.sub(lambda m: f"<code {m.group(1)} line {m.group(2)}>", text)

    def fs(m):
        return "frozenset({" + ", ".join(sorted(split_top(m.group(1)))) + "})"
    return re.sub(r"frozenset\(\{(.*?)\}\)", fs, text)


def parse_listing(text):
    """-> list of code objects: (name, line, [instr], [exc]) in listing order."""
    codes = []
    current = ["<module>", "0", [], []]
    lineno = None
    for line in text.splitlines():
        m = HEADER.match(line)
        if m:
            codes.append(current)
            current = [m.group(1), m.group(2), [], []]
            lineno = None
            continue
        m = INSTR.match(line)
        if m:
            if m.group(1):
                lineno = m.group(1)
            current[2].append((int(m.group(3)), m.group(4), m.group(5), m.group(6), lineno))
            continue
        m = EXC.match(line)
        if m:
            current[3].append((int(m.group(1)), int(m.group(2)), int(m.group(3)), int(m.group(4)), bool(m.group(5))))
    codes.append(current)
    return codes


def normalize(code):
    name, line, instrs, exc = code
    # Garter's prologue copies of parameters into cells (before RESUME).
    resume = next((i for i, x in enumerate(instrs) if x[1] == "RESUME"), None)
    skip = set()
    if resume is not None:
        i = 0
        while i + 1 < resume:
            if instrs[i][1] == "LOAD_FAST" and instrs[i + 1][1] == "STORE_DEREF" and instrs[i][3] == instrs[i + 1][3]:
                skip.update((i, i + 1))
                i += 2
            else:
                i += 1
    kept = [(k, x) for k, x in enumerate(instrs) if x[1] not in DROP and k not in skip]
    offsets = [x[0] for x in instrs]
    # original offset -> normalized index of the first kept instruction at or after it
    index_of = {}
    pos = 0
    kept_offsets = [x[0] for _, x in kept]
    for off in sorted(set(offsets)):
        while pos < len(kept_offsets) and kept_offsets[pos] < off:
            pos += 1
        index_of[off] = pos
    out = []
    for _, (off, op, arg, argrepr, lineno) in kept:
        op = MERGE.get(op, op)
        if argrepr is not None and argrepr.startswith("to ") and argrepr[3:].isdigit():
            target = int(argrepr[3:])
            val = "to #%d" % index_of.get(target, -1)
        elif argrepr is not None:
            val = normalize_repr(argrepr)
        else:
            val = arg
        out.append((op, val, lineno) if WITH_LINES else (op, val))
    covered = {}
    for start, end, target, depth, lasti in exc:
        for k, (_, x) in enumerate(kept):
            if start <= x[0] <= end:
                covered[k] = (index_of.get(target, -1), depth, lasti)
    table = []
    for k in sorted(covered):
        h = covered[k]
        if table and table[-1][1] == k - 1 and table[-1][2:] == h:
            table[-1] = (table[-1][0], k) + h
        else:
            table.append((k, k) + h)
    return (name, line), out, table


def cpython_listing(path):
    with open(path, "rb") as f:
        source = f.read()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        code = compile(source, path, "exec", dont_inherit=True)
    buf = io.StringIO()
    dis.dis(code, file=buf, depth=None)
    return buf.getvalue()


def compare_file(args):
    global WITH_LINES
    garter, path, timeout, WITH_LINES = args
    try:
        expected = cpython_listing(path)
    except (SyntaxError, ValueError):
        return path, "cpython-error", [], 0, 0
    try:
        proc = subprocess.run([garter, "--dis", path], capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return path, "timeout", [], 0, len(parse_listing(expected))
    exp_codes = [normalize(c) for c in parse_listing(expected)]
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
        return path, "garter-error: " + " ".join(err), [], 0, len(exp_codes)
    got_codes = [normalize(c) for c in parse_listing(proc.stdout.decode("utf-8", "replace"))]
    got_by_key = {}
    for c in got_codes:
        got_by_key.setdefault(c[0], []).append(c)
    same = 0
    diffs = []
    seen = {}
    for key, instrs, table in exp_codes:
        n = seen.get(key, 0)
        seen[key] = n + 1
        candidates = got_by_key.get(key, [])
        if n >= len(candidates):
            diffs.append((key, "missing in garter's output", []))
            continue
        _, ginstrs, gtable = candidates[n]
        if ginstrs == instrs and gtable == table:
            same += 1
            continue
        lines = []
        for k in range(max(len(instrs), len(ginstrs))):
            e = instrs[k] if k < len(instrs) else None
            g = ginstrs[k] if k < len(ginstrs) else None
            if e != g:
                lines.append(f"    #{k}: cpython {e}  garter {g}")
                if len(lines) >= 3:
                    break
        if ginstrs == instrs:
            lines.append(f"    exception table: cpython {table[:4]} garter {gtable[:4]}")
        diffs.append((key, "differs", lines))
    return path, "ok", diffs, same, len(exp_codes)


def python_files(targets):
    found = []
    for target in targets:
        if os.path.isfile(target):
            found.append(target)
            continue
        for dirpath, dirnames, filenames in os.walk(target):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            found.extend(os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".py"))
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("targets", nargs="*")
    ap.add_argument("--garter", default=os.path.join(ROOT, ".build", "release", "garter"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("--show", type=int, default=15)
    ap.add_argument("--lines", action="store_true",
                    help="also compare the line number of every instruction")
    ap.add_argument("--opcode-stats", action="store_true", help="count first differing opnames")
    ap.add_argument("--require", type=float, metavar="PCT",
                    help="exit 1 when fewer than PCT%% of the code objects are identical")
    args = ap.parse_args()
    targets = args.targets or ["/usr/lib/python3.11"]
    files = python_files(targets)
    total = same = 0
    problems = []
    samples = []
    first_ops = {}
    with concurrent.futures.ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for path, status, diffs, s, t in pool.map(compare_file, [(args.garter, p, args.timeout, args.lines) for p in files]):
            if status == "cpython-error":
                continue
            total += t
            same += s
            if status != "ok":
                problems.append((path, status))
            for key, what, lines in diffs:
                if len(samples) < args.show:
                    samples.append((path, key, what, lines))
                if lines and "#" in lines[0]:
                    m = re.search(r"cpython \('([A-Z_]+)'", lines[0])
                    g = re.search(r"garter \('([A-Z_]+)'", lines[0])
                    k = (m.group(1) if m else None, g.group(1) if g else None)
                    first_ops[k] = first_ops.get(k, 0) + 1
    for path, key, what, lines in samples:
        print(f"{path}: {key[0]} (line {key[1]}): {what}")
        for line in lines:
            print(line)
    for path, status in problems[:args.show]:
        print(f"{path}: {status}")
    if args.opcode_stats:
        for k, v in sorted(first_ops.items(), key=lambda kv: -kv[1])[:25]:
            print(f"  first difference cpython {k[0]} / garter {k[1]}: {v}")
    pct = 100.0 * same / total if total else 0.0
    print(f"files={len(files)} garter_failures={len(problems)} code_objects={total} identical={same} ({pct:.2f}%)")
    if args.require is not None and pct < args.require:
        print(f"FAIL: {pct:.2f}% identical, {args.require}% required")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
