#!/usr/bin/env python3
"""Regenerate the expected outputs of the front-end and compiler tests from CPython (the oracle).

    python3 scripts/regen_expected.py           # rewrite every .ast, .err and .symtable
    python3 scripts/regen_expected.py --check   # only compare; exit 1 if any is stale

  tests/parser/NAME.py          -> NAME.ast: ast.dump(ast.parse(bytes), include_attributes=True)
                                   plus a newline.
  tests/syntax_errors/NAME.py   -> NAME.err: the stderr of `python3 NAME.py` run in that
                                   folder. The file must be rejected by ast.parse (a parser
                                   or tokenizer error, not a compiler one).
  tests/compile_errors/NAME.py  -> NAME.err: likewise, but the file must be accepted by
                                   ast.parse and rejected by compile() (symbol table or
                                   code generator errors).
  tests/tracebacks/NAME.py      -> NAME.err: the stderr of `python3 NAME.py` for a program that
                                   compiles and dies of an uncaught exception (exit 1, nothing
                                   on stdout).
  tests/programs/NAME.py        -> NAME.out: "exit: STATUS" and what `python3 NAME.py` prints
                                   to stdout, run from that folder with PYTHONHASHSEED=0.
  tests/symtable/NAME.py        -> NAME.symtable: what scripts/symtable_dump.py prints
                                   (CPython's symtable module). The file must compile.
  tests/cli/cases.json,         -> tests/cli/expected.json: exit status, stdout and stderr of
  tests/cli/sessions.json          python3 run with each case's command line, and the screen
                                   of each interactive session in a pseudo-terminal
                                   (tests/cli/clitest.py).

CPython prints the *absolute* path of the script it was given (it joins the current
directory and the relative name, without normalising). The absolute folder is not
the same on every machine, so each .err stores it as the token <TESTDIR>; tests/run.py
puts the real folder (os.getcwd() inside that folder) back before comparing.
Each .err is produced twice and must come out identical (determinism check).
"""
import argparse
import ast
import concurrent.futures
import json
import os
import subprocess
import signal
import sys
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import symtable_dump  # noqa: E402
TESTS = os.path.join(ROOT, "tests")
TESTDIR_TOKEN = "<TESTDIR>"
ERROR_KINDS = ("SyntaxError:", "IndentationError:", "TabError:")


def clean_env():
    # Variables such as PYTHONWARNINGS would change what python3 prints.
    return {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}


def program_env():
    # Programs run with a fixed hash seed (tests/run.py runs garter the same
    # way), so that str hashes and set iteration order are reproducible.
    env = clean_env()
    env["PYTHONHASHSEED"] = "0"
    return env


def run_python(folder, name, env=None):
    proc = subprocess.run([sys.executable, name], cwd=folder, env=env or clean_env(),
                          stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=60)
    return proc.returncode, proc.stdout, proc.stderr


def parses(source, name):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(source, name)
        return True
    except (SyntaxError, ValueError):
        return False


def compiles(source, name):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(source, name, "exec", dont_inherit=True)
        return True
    except (SyntaxError, ValueError):
        return False


def expected_error(folder, name, source, runs=2, uncaught=False):
    """Return (text, problem): the .err text with <TESTDIR>, or why there is none.
    With `uncaught`, the file must compile and die of an uncaught exception."""
    if compiles(source, name) != uncaught:
        return None, "CPython accepts this file; drop it" if not uncaught else "CPython does not compile it"
    token = TESTDIR_TOKEN.encode()
    if token in source:
        return None, f"the source must not contain {TESTDIR_TOKEN}"
    outputs = [run_python(folder, name) for _ in range(runs)]
    rc, out, err = outputs[0]
    if any(o != outputs[0] for o in outputs[1:]):
        return None, "python3 printed different output on two runs (not deterministic)"
    if rc != 1 or out:
        return None, f"python3 exited {rc} (stdout {out[:80]!r}); expected exit 1 and no output"
    lines = err.decode("utf-8", "replace").splitlines()
    if not lines or not (uncaught or lines[-1].startswith(ERROR_KINDS)):
        return None, f"unexpected stderr: {err[-200:]!r}"
    here = os.path.realpath(folder).encode()   # what getcwd() returns there
    return err.replace(here + b"/", token + b"/"), None


def check_error_file(kind, folder, name, source, runs):
    """(text, problem) for one file of syntax_errors/, compile_errors/ or tracebacks/."""
    if kind == "tracebacks":
        return expected_error(folder, name, source, runs, uncaught=True)
    is_parse_error = not parses(source, name)
    if kind == "syntax_errors" and not is_parse_error and not compiles(source, name):
        return None, ("ast.parse accepts it, only the compiler rejects it: "
                      "move it to tests/compile_errors/")
    if kind == "compile_errors" and is_parse_error:
        return None, "the parser already rejects it: move it to tests/syntax_errors/"
    return expected_error(folder, name, source, runs)


def regenerate(check, jobs):
    stale, problems, count = [], [], 0
    # Twice when writing (determinism check), once when only checking.
    runs = 1 if check else 2

    def update(path, data):
        nonlocal count
        count += 1
        old = None
        if os.path.exists(path):
            with open(path, "rb") as f:
                old = f.read()
        if old == data:
            return
        stale.append(os.path.relpath(path, ROOT))
        if not check:
            with open(path, "wb") as f:
                f.write(data)

    pool = concurrent.futures.ThreadPoolExecutor(max_workers=jobs)
    expectation_of = {"parser": ".ast", "syntax_errors": ".err", "compile_errors": ".err",
                      "symtable": ".symtable", "programs": ".out", "tracebacks": ".err"}
    for kind, extension in expectation_of.items():
        folder = os.path.join(TESTS, kind)
        if not os.path.isdir(folder):
            continue
        pending = []
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".py"):
                continue
            with open(os.path.join(folder, name), "rb") as f:
                source = f.read()
            base = os.path.join(folder, name[:-3])
            where = f"tests/{kind}/{name}"
            if kind == "parser":
                try:
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        tree = ast.parse(source, name)
                except (SyntaxError, ValueError) as e:
                    problems.append(f"{where}: CPython rejects it: {e}")
                    continue
                dump = ast.dump(tree, include_attributes=True)
                update(base + ".ast", dump.encode("utf-8") + b"\n")
            elif kind == "programs":
                status, out, _ = run_python(folder, name, env=program_env())
                update(base + ".out", f"exit: {status}\n".encode() + out)
            elif kind == "symtable":
                if not compiles(source, name):
                    problems.append(f"{where}: CPython does not compile it")
                    continue
                dump = symtable_dump.dump(source, name)
                update(base + ".symtable", dump.encode("utf-8", "surrogateescape"))
            else:
                future = pool.submit(check_error_file, kind, folder, name, source, runs)
                pending.append((where, base, future))
        for where, base, future in pending:
            text, problem = future.result()
            if problem:
                problems.append(f"{where}: {problem}")
            else:
                update(base + ".err", text)
        # Expectations whose source is gone.
        for name in sorted(os.listdir(folder)):
            stem, ext = os.path.splitext(name)
            if ext == extension and not os.path.exists(os.path.join(folder, stem + ".py")):
                problems.append(f"tests/{kind}/{name}: no {stem}.py beside it")
    pool.shutdown()

    # Command lines and interactive sessions (tests/cli/clitest.py).
    sys.path.insert(0, os.path.join(TESTS, "cli"))
    import clitest  # noqa: E402
    recorded = clitest.record(sys.executable)
    update(clitest.EXPECTED, (json.dumps(recorded, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8"))

    for p in problems:
        print("PROBLEM", p)
    verb = "stale" if check else "rewritten"
    for s in stale:
        print(verb, s)
    print(f"{count} expectations checked with {sys.executable} "
          f"({sys.version.split()[0]}); {len(stale)} {verb}, {len(problems)} problems")
    return 1 if problems or (check and stale) else 0


def main():
    # A shell that starts us in the background ignores SIGINT, and programs
    # inherit that; Garter and CPython then both keep it ignored and the
    # signal tests see SIG_IGN. Catching it here makes children start with
    # the default disposition, as from a terminal.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true",
                    help="compare with the committed files instead of rewriting them")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    args = ap.parse_args()
    return regenerate(args.check, max(1, args.jobs))


if __name__ == "__main__":
    sys.exit(main())
