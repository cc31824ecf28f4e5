#!/usr/bin/env python3
"""Differential test of Garter's front end on generated programs.

    python3 tests/hypothesis_parser.py --garter .build/release/garter          # all strategies
    python3 tests/hypothesis_parser.py --garter G --strategy from_node --examples 100
    python3 tests/hypothesis_parser.py --garter G --strategy mutated --compare-errors

Strategies:
  from_grammar  hypothesmith.from_grammar(): programs drawn from Python's grammar.
  from_node     hypothesmith.from_node(): programs built from libcst syntax trees.
  mutated       the programs of tests/parser/ with one to three small edits (a bracket,
                quote, colon, keyword, indentation... inserted, deleted or replaced):
                mostly invalid programs, so this is the one that exercises rejection.

Each program is written to a temporary file and given to `garter --dump-ast FILE`
(timeout 5 s). A program fails when garter
  - crashes (killed by a signal, or an exit code other than 0 and 1) or hangs;
  - exits 1 although CPython's ast.parse accepts the program, or prints a dump that
    differs from CPython's ast.dump(..., include_attributes=True);
  - exits 0 although CPython rejects the program;
  - (only with --compare-errors) prints another error than `python3 FILE` does.
The run is bounded and deterministic (derandomize=True, a fixed number of examples,
no shrinking, no example database), so the same programs are tried every time. The
target phase is on: hypothesmith's auto_target steers it towards bigger programs
(without it most generated programs are only blank lines and comments). Failures
are collected rather than raised, then summarised; the exit code is 1 if there were
any. --save-failures DIR keeps the failing programs.

Needs hypothesmith (bash scripts/setup.sh installs it).
"""
import argparse
import ast
import os
import signal
import subprocess
import sys
import tempfile
import time
import warnings

from hypothesis import HealthCheck, Phase, given, settings, strategies as st
import hypothesmith

TESTS = os.path.dirname(os.path.abspath(__file__))
DEFAULT_EXAMPLES = {"from_grammar": 400, "from_node": 200, "mutated": 400}

# What the mutated strategy inserts: the pieces whose misuse makes real syntax errors.
EDITS = [b"(", b")", b"[", b"]", b"{", b"}", b":", b",", b"=", b"'", b'"', b'"""', b"'''",
         b"\\", b"\n", b"\r\n", b"\t", b"    ", b" ", b"*", b"**", b"@", b".", b";", b"#",
         b"->", b":=", b"!", b"$", b"?", b"`", b"0x", b"1_", b"0o8", b"1e", b"\\x", b"\\N{",
         b"if ", b"else", b"elif ", b"for ", b"in ", b"lambda", b"def ", b"class ", b"return",
         b"yield", b"await ", b"async ", b"not ", b"import ", b"from ", b"as ", b"with ",
         b"try:", b"except", b"finally:", b"match ", b"case ", b"global ", b"del ", b"None",
         b"True", b"print ", b"f'{", b"f\"{", b"{}", b"!r", b"\xc3\xa9", b"\xe2\x82\xac",
         b"\xff", b"\x00", b"\x0c", b"\xef\xbb\xbf"]


def cpython_parse(source_bytes):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(source_bytes)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return None


def first_difference(expected, actual, context=60):
    n = min(len(expected), len(actual))
    i = next((k for k in range(n) if expected[k] != actual[k]), n)
    lo = max(0, i - context)
    return (f"at byte {i}: expected ...{expected[lo:i + context]!r}\n"
            f"                actual ...{actual[lo:i + context]!r}")


def parser_corpus(limit=20_000):
    folder = os.path.join(TESTS, "parser")
    corpus = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".py"):
            with open(os.path.join(folder, name), "rb") as f:
                data = f.read()
            if 0 < len(data) <= limit:
                corpus.append(data)
    return corpus


@st.composite
def mutated_programs(draw, corpus):
    data = draw(st.sampled_from(corpus))
    for _ in range(draw(st.integers(1, 3))):
        pos = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(["insert", "delete", "replace"]))
        piece = draw(st.sampled_from(EDITS))
        if op == "insert":
            data = data[:pos] + piece + data[pos:]
        elif op == "delete":
            data = data[:pos] + data[pos + draw(st.integers(1, 4)):]
        else:
            data = data[:pos] + piece + data[pos + len(piece):]
    return data


class Checker:
    def __init__(self, garter, timeout, workdir, compare_errors):
        self.garter = garter
        self.timeout = timeout
        self.compare_errors = compare_errors
        self.path = os.path.join(workdir, "case.py")
        self.counts = {"programs": 0, "accepted": 0, "rejected": 0, "identical": 0,
                       "rejected by both": 0, "same error": 0, "crash": 0, "timeout": 0,
                       "dump differs": 0, "wrongly rejected": 0, "wrongly accepted": 0,
                       "error differs": 0, "with statements": 0, "nodes": 0}
        self.failures = []      # (kind, program bytes, detail)

    def fail(self, kind, data, detail):
        self.counts[kind] += 1
        self.failures.append((kind, data, detail))

    def check(self, program):
        data = program if isinstance(program, bytes) else program.encode("utf-8", "surrogatepass")
        self.counts["programs"] += 1
        tree = cpython_parse(data)
        expected = None
        if tree is not None:
            expected = ast.dump(tree, include_attributes=True).encode("utf-8") + b"\n"
            self.counts["with statements"] += bool(tree.body)
            self.counts["nodes"] += sum(1 for _ in ast.walk(tree))
        self.counts["accepted" if expected is not None else "rejected"] += 1
        with open(self.path, "wb") as f:
            f.write(data)
        try:
            proc = subprocess.run([self.garter, "--dump-ast", self.path],
                                  stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, timeout=self.timeout)
        except subprocess.TimeoutExpired:
            self.fail("timeout", data, f"no answer within {self.timeout} s")
            return
        rc, out, err = proc.returncode, proc.stdout, proc.stderr
        if rc not in (0, 1):
            if rc < 0:
                try:
                    how = signal.Signals(-rc).name
                except ValueError:
                    how = f"signal {-rc}"
            else:
                how = f"exit code {rc}"
            tail = err.decode("utf-8", "replace").strip().splitlines()[-3:]
            self.fail("crash", data, f"{how}; stderr: {' | '.join(tail)}")
        elif expected is None:
            if rc == 0:
                self.fail("wrongly accepted", data, "CPython rejects it; garter exited 0")
            else:
                self.counts["rejected by both"] += 1
                if self.compare_errors:
                    self.check_error_text(data, err)
        elif rc == 1:
            tail = err.decode("utf-8", "replace").strip().splitlines()[-1:]
            self.fail("wrongly rejected", data, f"CPython accepts it; garter: {' '.join(tail)}")
        elif out != expected:
            self.fail("dump differs", data, first_difference(expected, out))
        else:
            self.counts["identical"] += 1

    def check_error_text(self, data, garter_err):
        # ast.parse rejected the file, so compiling it fails and none of it runs.
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        proc = subprocess.run([sys.executable, self.path], stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                              timeout=60)
        if proc.stderr == garter_err:
            self.counts["same error"] += 1
        else:
            exp = proc.stderr.decode("utf-8", "replace").strip().splitlines()
            got = garter_err.decode("utf-8", "replace").strip().splitlines()
            self.fail("error differs", data,
                      "python3: " + " | ".join(exp[-3:]) + "\ngarter:  " + " | ".join(got[-3:]))


def run_strategy(strategy, checker, examples):
    @settings(max_examples=examples, derandomize=True, deadline=None, database=None,
              phases=[Phase.explicit, Phase.generate, Phase.target], print_blob=False,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def test(program):
        checker.check(program)

    start = time.monotonic()
    test()
    return time.monotonic() - start


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("--garter", required=True)
    ap.add_argument("--strategy", choices=list(DEFAULT_EXAMPLES) + ["all"], default="all")
    ap.add_argument("--examples", type=int,
                    help="examples per strategy (default: " + ", ".join(
                        f"{k} {v}" for k, v in DEFAULT_EXAMPLES.items()) + ")")
    ap.add_argument("--timeout", type=float, default=5.0)
    ap.add_argument("--compare-errors", action="store_true",
                    help="also require the error text of rejected programs to equal python3's")
    ap.add_argument("--show", type=int, default=8, help="failures to print in full")
    ap.add_argument("--save-failures", metavar="DIR", help="write failing programs there")
    args = ap.parse_args()
    warnings.simplefilter("ignore", SyntaxWarning)   # hypothesmith compiles what it makes
    garter = os.path.abspath(args.garter)
    if not os.access(garter, os.X_OK):
        print(f"no garter binary at {garter}")
        return 1

    strategies = {"from_grammar": hypothesmith.from_grammar,
                  "from_node": hypothesmith.from_node,
                  "mutated": lambda: mutated_programs(parser_corpus())}
    names = list(strategies) if args.strategy == "all" else [args.strategy]
    any_failed = False
    totals = {"programs": 0, "identical": 0, "rejected by both": 0, "failures": 0}
    for name in names:
        with tempfile.TemporaryDirectory(prefix="garter-hyp-") as workdir:
            checker = Checker(garter, args.timeout, workdir, args.compare_errors)
            examples = args.examples or DEFAULT_EXAMPLES[name]
            seconds = run_strategy(strategies[name](), checker, examples)
        c = checker.counts
        print(f"{name}: {c['programs']} programs in {seconds:.0f}s; CPython accepts "
              f"{c['accepted']}, rejects {c['rejected']}")
        print(f"  accepted programs hold {c['nodes']} AST nodes in all; "
              f"{c['with statements']} have at least one statement")
        same = f" (same error text {c['same error']})" if args.compare_errors else ""
        print(f"  identical dumps {c['identical']}, rejected by both {c['rejected by both']}{same}")
        kinds = ["crash", "timeout", "dump differs", "wrongly rejected", "wrongly accepted"]
        if args.compare_errors:
            kinds.append("error differs")
        print("  failures: " + ", ".join(f"{k} {c[k]}" for k in kinds))
        for kind, data, detail in checker.failures[:args.show]:
            print(f"  [{kind}] program {data[:400]!r}{' ...' if len(data) > 400 else ''}")
            for line in detail.splitlines():
                print(f"      {line}")
        if len(checker.failures) > args.show:
            print(f"  ... and {len(checker.failures) - args.show} more")
        if args.save_failures and checker.failures:
            os.makedirs(args.save_failures, exist_ok=True)
            for i, (kind, data, _) in enumerate(checker.failures):
                with open(os.path.join(args.save_failures, f"{name}_{i:03d}.py"), "wb") as f:
                    f.write(data)
            print(f"  failing programs written to {args.save_failures}/")
        any_failed |= bool(checker.failures)
        for k in ("programs", "identical", "rejected by both"):
            totals[k] += c[k]
        totals["failures"] += len(checker.failures)
    print(f"hypothesis {'+'.join(names)}: {totals['programs']} programs, "
          f"{totals['identical']} identical dumps, {totals['rejected by both']} rejected by both, "
          f"{totals['failures']} failures{' - FAILED' if any_failed else ''}")
    return 1 if any_failed else 0


if __name__ == "__main__":
    sys.exit(main())
