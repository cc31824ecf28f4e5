#!/usr/bin/env python3
"""Generates the traceback test cases from CPython 3.11.

Each case is a small Python program that dies with an uncaught exception.
The script runs it twice under CPython 3.11:

1. plain, recording the exact bytes written to stderr (the expected text);
2. with a `sitecustomize` module on PYTHONPATH that installs a
   `sys.excepthook`, which lets `sys.__excepthook__` print as usual and then
   extracts, inside the dying process, the plain data Garter's
   `TracebackPrinter` takes as input (`ExceptionReport`): every exception
   reachable through __cause__, __context__ and exception groups, with its
   type's module and qualified name, str(), __notes__, SyntaxError
   attributes and traceback entries (file, line, function, and the
   instruction's position from `co_positions()` at `tb_lasti // 2`), plus
   the source lines that CPython's C traceback code would read from disk.

Both runs must write the same stderr (the hook must not change the output).
The result goes to Tests/GarterRuntimeTests/TracebacksCaseData.swift: one
JSON object per line, read by TracebacksCaseTests.swift, which renders every
case with Garter and compares the bytes.

A case line holds: "name"; "stderr" (the expected text); "files" (file
names, referred to by index); "lines" ({file index: {line number: text}},
the source lines CPython could read); "limit" (sys.tracebacklimit as a C
long, left out when unset or not an int); "sources" (when present: {file
index: the file's bytes as Latin-1 text}, for the cases whose files are of
interest to SourceFileLines); "exceptions", the exception objects, the
uncaught one first, each with "qualname", "msg" (the str, or ["failed"] /
["none"]), "module" (left out for "builtins", null when not a str), and
when present "tb" (rows [repeat count, file index, line, function, start
line, end line, start column, end column], null where co_positions() has
None), "cause" and "context" (indexes), "suppress", "group" (member
indexes), "notes" (a list of str, null where str() failed, or {"repr":
text or null} when __notes__ is not a sequence) and "syntax" (msg,
filename, lineno, offset, end_lineno, end_offset, text, exact).

It also writes Sources/GarterRuntime/Tracebacks/WideCharacters.swift, the
code points whose `unicodedata.east_asian_width` is W or F in CPython 3.11's
Unicode database (14.0): CPython 3.11 counts them as two columns when it
places carets.

Run: python3 scripts/gen_traceback_cases.py   (needs CPython 3.11 as python3,
or set PYTHON=/path/to/python3.11)
"""
import json
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests/GarterRuntimeTests/TracebacksCaseData.swift")
WIDE_OUT = os.path.join(ROOT, "Sources/GarterRuntime/Tracebacks/WideCharacters.swift")
PYTHON = os.environ.get("PYTHON", "/root/.pyenv/versions/3.11.7/bin/python3")
if not os.path.exists(PYTHON):
    PYTHON = "python3"
# A fixed directory, so the file names inside the data do not change from one
# run of the generator to the next.
WORK = "/tmp/garter_tb"

# The excepthook that extracts the report. It runs inside the dying process.
HOOK = r'''
import io, json, os, sys

def _message(get):
    try:
        value = get()
    except BaseException:
        return ["failed"]
    if value is None:
        return ["none"]
    try:
        text = str(value)
    except BaseException:
        return ["failed"]
    if not isinstance(text, str):
        return ["failed"]
    return text

def _source_line(filename, lineno, cache):
    # What Python/traceback.c's display_source_line reads: the file opened
    # in binary (or found by its last component on sys.path), decoded with
    # its coding cookie, read line by line with universal newlines.
    key = (filename, lineno)
    if key in cache:
        return cache[key]
    cache[key] = None
    if not filename or (filename.startswith("<") and filename.endswith(">")):
        return None
    try:
        binary = io.open(filename, "rb")
    except Exception:
        binary = None
        tail = filename.rsplit("/", 1)[-1]
        for entry in sys.path:
            if not isinstance(entry, str):
                continue
            path = entry if entry.endswith("/") or not entry else entry + "/"
            try:
                binary = io.open(path + tail, "rb")
                break
            except Exception:
                pass
        if binary is None:
            return None
    try:
        import tokenize
        try:
            encoding = tokenize.detect_encoding(binary.readline)[0]
        except SyntaxError:
            encoding = "utf-8"
        if encoding == "utf-8-sig":
            encoding = "utf-8"
        binary.seek(0)
        text = io.TextIOWrapper(binary, encoding)
        line = None
        for _ in range(lineno):
            line = text.readline()
            if not line:
                line = None
                break
        text.close()
    except Exception:
        return None
    if line is not None and line.endswith("\n"):
        line = line[:-1]
    cache[key] = line
    return line

def _entries(tb, files, lines):
    # Runs of identical entries (recursion) are stored once with a count.
    out = []
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename not in files:
            files.append(code.co_filename)
        try:
            position = list(code.co_positions())[tb.tb_lasti // 2]
        except Exception:
            position = (None, None, None, None)
        lineno = tb.tb_lineno if tb.tb_lineno is not None else -1
        entry = [files.index(code.co_filename), lineno, code.co_name,
                 position[0], position[1], position[2], position[3]]
        if out and out[-1][1:] == entry:
            out[-1][0] += 1
        else:
            out.append([1] + entry)
        lines[(code.co_filename, lineno)] = None
        tb = tb.tb_next
    return out

def _notes(value):
    try:
        notes = value.__notes__
    except AttributeError:
        return None
    except BaseException:
        return {"error": True}
    if not hasattr(type(notes), "__getitem__") or isinstance(notes, dict):
        try:
            return {"repr": repr(notes)}
        except BaseException:
            return {"repr": None}
    out = []
    for note in notes:
        try:
            out.append(str(note))
        except BaseException:
            out.append(None)
    return out

def _syntax(value):
    try:
        getattr(value, "print_file_and_line")
    except AttributeError:
        return None
    try:
        filename = value.filename
        lineno = value.lineno
        offset = value.offset
        if not isinstance(lineno, int) or (offset is not None and not isinstance(offset, int)):
            return None
        exact = type(value) is SyntaxError
        end_lineno = getattr(value, "end_lineno", None) if exact else None
        end_offset = getattr(value, "end_offset", None) if exact else None
        for number in (end_lineno, end_offset):
            if number is not None and not isinstance(number, int):
                return None
        text = value.text
        if text is not None and not isinstance(text, str):
            return None
        return {"msg": _message(lambda: value.msg),
                "filename": None if filename is None else str(filename),
                "lineno": lineno, "offset": offset, "end_lineno": end_lineno,
                "end_offset": end_offset, "text": text, "exact": exact}
    except BaseException:
        return None

def _report(root, root_tb):
    order = []
    index = {}
    def visit(value):
        if id(value) in index:
            return index[id(value)]
        index[id(value)] = len(order)
        order.append(value)
        return index[id(value)]
    visit(root)
    files = []
    lines = {}
    records = []
    position = 0
    while position < len(order):
        value = order[position]
        position += 1
        kind = type(value)
        module = getattr(kind, "__module__", None)
        record = {"qualname": getattr(kind, "__qualname__", None),
                  "msg": _message(lambda: value)}
        if module != "builtins":
            record["module"] = module if isinstance(module, str) else None
        tb = value.__traceback__
        if value is root and tb is None:
            tb = root_tb
        if tb is not None:
            record["tb"] = _entries(tb, files, lines)
        if value.__cause__ is not None:
            record["cause"] = visit(value.__cause__)
        if value.__context__ is not None:
            record["context"] = visit(value.__context__)
        if value.__suppress_context__:
            record["suppress"] = True
        if isinstance(value, BaseExceptionGroup):
            record["group"] = [visit(member) for member in value.exceptions]
        notes = _notes(value)
        if notes is not None:
            record["notes"] = notes
        syntax = _syntax(value)
        if syntax is not None:
            record["syntax"] = syntax
        records.append(record)
    cache = {}
    source = {}
    for (filename, lineno) in lines:
        line = _source_line(filename, lineno, cache)
        if line is not None:
            source.setdefault(str(files.index(filename)), {})[str(lineno)] = line
    # CPython reads sys.tracebacklimit as a C long.
    limit = getattr(sys, "tracebacklimit", None)
    if isinstance(limit, int):
        limit = max(-2**63, min(limit, 2**63 - 1))
    else:
        limit = None
    # The bytes of the case's own files, to test Garter's file reader,
    # as Latin-1 text (one character per byte).
    here = os.getcwd() + os.sep
    raw = {}
    for number, filename in enumerate(files):
        path = os.path.abspath(filename)
        if path.startswith(here) and os.path.isfile(path):
            with open(path, "rb") as f:
                raw[str(number)] = f.read().decode("latin-1")
    return {"exceptions": records, "files": files, "lines": source, "limit": limit,
            "sources": raw}

def _garter_hook(kind, value, tb):
    sys.__excepthook__(kind, value, tb)
    sys.stderr.flush()
    report = _report(value, tb)
    with open(os.environ["GARTER_TB_OUT"], "w") as out:
        json.dump(report, out)

sys.excepthook = _garter_hook
'''


class Case:
    def __init__(self, name, source, files=None, env=None, may_live=False):
        self.name = name
        self.source = source
        self.files = files or {}
        self.env = env or {}
        # Random programs may happen not to fail; they are then left out.
        self.may_live = may_live


CASES = []


def case(name, source, files=None, env=None, may_live=False):
    CASES.append(Case(name, source, files, env, may_live))


# ---------------------------------------------------------------------------
# Simple shapes: one frame, one line

case("zero_division", "x = 1\ny = x / 0\n")
case("whole_line_call", "def f():\n    raise ValueError('boom')\nf()\n")
case("name_error", "print(undefined_name)\n")
case("raise_bare_class", "raise KeyError\n")
case("raise_empty_str", "raise ValueError('')\n")
case("keyboard_interrupt", "def work():\n    raise KeyboardInterrupt\nwork()\n")
case("key_error_repr", "d = {}\nd['missing key']\n")
case("attribute_error", "class A:\n    pass\nA().missing.other\n")
case("attribute_chain", "import os\nvalue = os.path.nothing_here(1)\n")
case("call_in_expression", "def f(x):\n    return int(x)\nresult = 3 + f('abc') * 2\n")
case("method_call", "items = [1, 2]\nitems.index(5)\n")
case("assert_failure", "x = 3\nassert x == 4, 'x is ' + str(x)\n")
case("assert_no_message", "def check(v):\n    assert v\ncheck(0)\n")
case("unpack_error", "a, b = [1, 2, 3]\n")
case("iteration_error", "for x in 5:\n    pass\n")
case("import_error", "import garter_module_that_does_not_exist\n")
case("from_import_error", "from os import no_such_name\n")
case("module_level_return_value", "value = int('12x')\n")
case("str_failure", (
    "class Bad(Exception):\n"
    "    def __str__(self):\n"
    "        raise RuntimeError('no str')\n"
    "raise Bad()\n"))
case("str_returns_non_string", (
    "class Odd(Exception):\n"
    "    def __str__(self):\n"
    "        return 42\n"
    "raise Odd()\n"))
case("str_empty_subclass", (
    "class Quiet(Exception):\n"
    "    def __str__(self):\n"
    "        return ''\n"
    "raise Quiet('hidden')\n"))
case("multiline_message", "raise RuntimeError('first line\\nsecond line\\n  third')\n")
case("exception_args_tuple", "raise OSError(2, 'No such file', 'x.txt')\n")
case("nested_class_qualname", (
    "class Outer:\n"
    "    class InnerError(Exception):\n"
    "        pass\n"
    "raise Outer.InnerError('nested')\n"))
case("function_local_class", (
    "def make():\n"
    "    class LocalError(Exception):\n"
    "        pass\n"
    "    return LocalError\n"
    "raise make()('local')\n"))
case("module_prefixed_type", "import helper\nhelper.fail()\n", {
    "helper.py": "class HelperError(Exception):\n    pass\n\ndef fail():\n    raise HelperError('from helper')\n"})
case("stdlib_exception", "import json\njson.loads('{bad json}')\n")
case("module_without_module_attr", (
    "class NoModule(Exception):\n"
    "    pass\n"
    "NoModule.__module__ = 42\n"
    "raise NoModule('x')\n"))
case("module_attr_builtins", (
    "class Fake(Exception):\n"
    "    pass\n"
    "Fake.__module__ = 'builtins'\n"
    "raise Fake('looks builtin')\n"))
case("qualname_changed", (
    "class Renamed(Exception):\n"
    "    pass\n"
    "Renamed.__qualname__ = 'Some.Other.Name'\n"
    "raise Renamed('x')\n"))
case("trailing_whitespace_line", "x = None   \ny = x.attr   \n")
case("comment_after_statement", "d = {}\nd['k']  # lookup\n")
case("semicolons", "a = 1; b = 0; c = a / b; d = 4\n")
case("very_long_line", "values = [" + ", ".join(str(i) for i in range(40)) + "]\nvalues[100]\n")

# ---------------------------------------------------------------------------
# Binary operators

case("binop_add_types", "a = 1\nb = 'x'\nc = a + b\n")
case("binop_chain", "def f(a, b, c, d):\n    return a + b + c + d\nf(1, 2, None, 4)\n")
case("binop_chain_first", "def f(a, b, c, d):\n    return a + b + c + d\nf(1, None, 3, 4)\n")
case("binop_floor_div", "a = 10\nb = 0\nprint(a // b)\n")
case("binop_power", "x = 'a' ** 2\n")
case("binop_matmul", "x = [1] @ [2]\n")
case("binop_shift", "x = 1 << -1\n")
case("binop_parenthesised_left", "def f(a, b):\n    return (a) + b\nf(1, 'x')\n")
case("binop_parenthesised_both", "def f(a, b):\n    return (a)+(b)\nf(1, 'x')\n")
case("binop_nested_parens", "def f(a, b):\n    return ((a) * 2) - (b)\nf(1, 'x')\n")
case("binop_no_spaces", "def f(a, b):\n    return a*b/0\nf(1, 2)\n")
case("binop_mod", "x = 5 % 0\n")
case("binop_whole_line", "1 / 0\n")
case("binop_inside_call", "print(len('abc') + None)\n")
case("binop_tabs", "def f(a):\n\treturn a  +  'x'\nf(1)\n")
case("binop_multiline_paren", "def f(a, b):\n    return (a +\n            b)\nf(1, 'x')\n")
case("binop_multiline_backslash", "def f(a, b):\n    x = a \\\n        + b\nf(1, 'x')\n")
case("binop_unicode_left", "def f():\n    s = 'héllo wörld'\n    return s + 1\nf()\n")
case("binop_unicode_operand", "def f():\n    ünïcödé = 'x'\n    return ünïcödé - 1\nf()\n")
case("binop_cjk", "def f():\n    名前 = '値'\n    return 名前 * '二'\nf()\n")
case("binop_emoji", "def f():\n    return '🐍🐍' + 1 + 2\nf()\n")
case("binop_string_contains_operator", "def f(a):\n    return a + ' + ' + 3\nf('x')\n")
case("augassign", "x = 1\nx += 'a'\n")
case("augassign_in_function", "def f():\n    total = 0\n    for v in [1, None]:\n        total += v\n    return total\nf()\n")
case("compare_op", "x = 1 < 'a'\n")
case("unary_op", "x = -'a'\n")
case("bool_op_call", "def f():\n    return None\nx = f() or f().attr\n")

# ---------------------------------------------------------------------------
# Subscripts

case("subscript_none", "def f(a):\n    return a[0]\nf(None)\n")
case("subscript_index_error", "items = [1, 2, 3]\nprint(items[10])\n")
case("subscript_spaces", "def f(a):\n    return a [ 0 ]\nf(None)\n")
case("subscript_nested", "def f(a):\n    return a[0][1][2]\nf([[[1]]])\n")
case("subscript_slice", "def f(a):\n    return a[1:2]\nf(None)\n")
case("subscript_key_expr", "def f(d, k):\n    return d[k + 1]\nf({}, 1)\n")
case("subscript_parenthesised_value", "def f(a):\n    return (a)[0]\nf(None)\n")
case("subscript_multiline", "def f(a):\n    return a[\n        0\n    ]\nf(None)\n")
case("subscript_call_result", "def g():\n    return {}\ndef f():\n    return g()['key'].upper()\nf()\n")
case("subscript_store", "t = (1, 2)\nt[0] = 5\n")
case("subscript_delete", "t = (1, 2)\ndel t[0]\n")
case("subscript_unicode", "def f():\n    données = {'clé': 1}\n    return données['clé'] + données['absente']\nf()\n")
case("subscript_tuple_index", "d = {}\nd[1, 2]\n")

# ---------------------------------------------------------------------------
# Calls and attributes spanning lines

case("call_multiline", "def f(a, b):\n    raise ValueError(a)\nf(\n    1,\n    2,\n)\n")
case("call_multiline_indented", "def g(*args):\n    return args[5]\ndef f():\n    x = g(1,\n          2,\n          3)\nf()\n")
case("call_multiline_trailing_space", "def f(a, b):\n    raise ValueError(a)\nf(1,   \n  2)\n")
case("attribute_multiline", "import os\nx = (os\n     .path\n     .nothing)\n")
case("call_chain_methods", "text = 'abc'\nresult = text.upper().lower().missing()\n")
case("call_with_kwargs_error", "def f(a):\n    pass\nf(b=1)\n")
case("call_lambda", "f = lambda x: x / 0\nf(1)\n")
case("lambda_in_sorted", "data = [3, 'a', 1]\nprint(sorted(data, key=lambda v: v + 1))\n")
case("generator_expression", "values = list(x / 0 for x in range(3))\n")
case("list_comprehension", "values = [1 / x for x in [1, 0]]\n")
case("dict_comprehension", "d = {k: k[0] for k in [1]}\n")
case("nested_functions", "def outer():\n    def inner():\n        raise LookupError('deep')\n    inner()\nouter()\n")
case("class_body", "class C:\n    x = 1 / 0\n")
case("method_in_class", "class C:\n    def m(self):\n        return self.missing\nC().m()\n")
case("property_error", (
    "class C:\n"
    "    @property\n"
    "    def p(self):\n"
    "        return 1 / 0\n"
    "c = C()\n"
    "print(c.p)\n"))
case("decorator_error", "def deco(f):\n    raise TypeError('bad decorator')\n@deco\ndef g():\n    pass\n")
case("with_statement", (
    "class CM:\n"
    "    def __enter__(self):\n"
    "        return self\n"
    "    def __exit__(self, *a):\n"
    "        return False\n"
    "with CM() as c:\n"
    "    c.missing\n"))
case("generator_frames", "def gen():\n    yield 1\n    raise ValueError('in gen')\nfor v in gen():\n    pass\n")
case("exec_string", "exec('x = 1\\ny = x / 0', {})\n")
case("exec_named_file", "code = compile('a = 1\\nb = a.nope', 'virtual.py', 'exec')\nexec(code)\n")
case("eval_expression", "eval('1 + None')\n")
case("fstring_error", "def f(v):\n    return f'value {v / 0}'\nf(1)\n")
case("star_args", "def f(*args):\n    return args[0][1]\nf(*[[1]])\n")
case("walrus", "if (n := len('ab')) > 1:\n    n / 0\n")
case("conditional_expression", "x = 1\ny = (x / 0) if x else 2\n")
case("while_loop", "i = 0\nwhile True:\n    i += 1\n    if i > 3:\n        [][i]\n")
case("stdlib_frames", "import json\njson.dumps({1: object()})\n")
case("builtin_call_frames", "int('x', base=99)\n")
case("operator_module", "import operator\noperator.truediv(1, 0)\n")
case("functools_reduce", "import functools\nfunctools.reduce(lambda a, b: a / b, [1, 0])\n")

# ---------------------------------------------------------------------------
# Recursion and repetition

case("deep_recursion", (
    "import sys\n"
    "sys.setrecursionlimit(60)\n"
    "def f(n):\n"
    "    return f(n + 1)\n"
    "f(0)\n"))
case("mutual_recursion", (
    "import sys\n"
    "sys.setrecursionlimit(30)\n"
    "def a(n):\n"
    "    return b(n)\n"
    "def b(n):\n"
    "    return a(n)\n"
    "a(0)\n"))
case("recursion_exactly_three", "def f(n):\n    if n == 0:\n        raise ValueError\n    f(n - 1)\nf(2)\n")
case("recursion_four", "def f(n):\n    if n == 0:\n        raise ValueError\n    f(n - 1)\nf(4)\n")
case("recursion_five", "def f(n):\n    if n == 0:\n        raise ValueError\n    f(n - 1)\nf(5)\n")
case("recursion_then_other", (
    "def f(n):\n"
    "    if n == 0:\n"
    "        return g()\n"
    "    return f(n - 1)\n"
    "def g():\n"
    "    return h(10)\n"
    "def h(n):\n"
    "    if n == 0:\n"
    "        raise RuntimeError('bottom')\n"
    "    return h(n - 1)\n"
    "f(20)\n"))
case("recursion_lambda", (
    "import sys\n"
    "sys.setrecursionlimit(50)\n"
    "fact = lambda n: n * fact(n - 1)\n"
    "fact(5)\n"))
case("traceback_limit", (
    "import sys\n"
    "sys.tracebacklimit = 2\n"
    "def a():\n    b()\n"
    "def b():\n    c()\n"
    "def c():\n    raise ValueError('limited')\n"
    "a()\n"))
case("traceback_limit_zero", "import sys\nsys.tracebacklimit = 0\ndef a():\n    raise ValueError('none')\na()\n")
case("traceback_limit_chain", (
    "import sys\n"
    "sys.tracebacklimit = 1\n"
    "def a():\n"
    "    try:\n"
    "        1 / 0\n"
    "    except ZeroDivisionError:\n"
    "        raise ValueError('second')\n"
    "a()\n"))

# ---------------------------------------------------------------------------
# Chained exceptions

case("context_chain", (
    "try:\n"
    "    1 / 0\n"
    "except ZeroDivisionError:\n"
    "    raise ValueError('while handling')\n"))
case("cause_chain", (
    "def convert(s):\n"
    "    try:\n"
    "        return int(s)\n"
    "    except ValueError as e:\n"
    "        raise TypeError('cannot convert') from e\n"
    "convert('x')\n"))
case("suppressed_context", (
    "try:\n"
    "    1 / 0\n"
    "except ZeroDivisionError:\n"
    "    raise ValueError('no context shown') from None\n"))
case("cause_not_raised", "raise ValueError('outer') from KeyError('never raised')\n")
case("cause_and_context", (
    "try:\n"
    "    {}['a']\n"
    "except KeyError:\n"
    "    raise RuntimeError('outer') from OSError('explicit cause')\n"))
case("three_level_chain", (
    "def a():\n"
    "    raise KeyError('a')\n"
    "def b():\n"
    "    try:\n"
    "        a()\n"
    "    except KeyError as e:\n"
    "        raise ValueError('b') from e\n"
    "def c():\n"
    "    try:\n"
    "        b()\n"
    "    except ValueError:\n"
    "        raise TypeError('c')\n"
    "c()\n"))
case("context_in_finally", (
    "def f():\n"
    "    try:\n"
    "        raise KeyError('try')\n"
    "    finally:\n"
    "        raise ValueError('finally')\n"
    "f()\n"))
case("context_cycle", (
    "a = ValueError('a')\n"
    "b = TypeError('b')\n"
    "a.__context__ = b\n"
    "b.__context__ = a\n"
    "raise a\n"))
case("cause_cycle_self", (
    "e = ValueError('self cause')\n"
    "e.__cause__ = e\n"
    "raise e\n"))
case("cause_cycle_two", (
    "try:\n"
    "    try:\n"
    "        raise KeyError('inner')\n"
    "    except KeyError as inner:\n"
    "        outer = ValueError('outer')\n"
    "        inner.__cause__ = outer\n"
    "        raise outer from inner\n"
    "except ValueError as e:\n"
    "    raise e\n"))
case("suppress_flag_with_cause", (
    "e = ValueError('x')\n"
    "e.__cause__ = KeyError('cause')\n"
    "e.__suppress_context__ = False\n"
    "try:\n"
    "    1 / 0\n"
    "except ZeroDivisionError:\n"
    "    raise e\n"))
case("suppress_flag_only", (
    "try:\n"
    "    1 / 0\n"
    "except ZeroDivisionError:\n"
    "    e = ValueError('x')\n"
    "    e.__suppress_context__ = True\n"
    "    raise e\n"))
case("reraise_same", (
    "def f():\n"
    "    try:\n"
    "        1 / 0\n"
    "    except ZeroDivisionError:\n"
    "        raise\n"
    "f()\n"))
case("chain_shared_context", (
    "base = KeyError('shared')\n"
    "x = ValueError('x')\n"
    "x.__cause__ = base\n"
    "y = TypeError('y')\n"
    "y.__cause__ = x\n"
    "y.__context__ = base\n"
    "raise y\n"))

# ---------------------------------------------------------------------------
# Notes

case("note_simple", "e = ValueError('with note')\ne.add_note('a note')\nraise e\n")
case("notes_many", (
    "e = ValueError('with notes')\n"
    "e.add_note('first')\n"
    "e.add_note('second\\nline two')\n"
    "e.add_note('')\n"
    "e.add_note('ends with newline\\n')\n"
    "raise e\n"))
case("notes_non_string", (
    "class N:\n"
    "    def __str__(self):\n"
    "        return 'str of N'\n"
    "    def __repr__(self):\n"
    "        return 'repr of N'\n"
    "e = ValueError('x')\n"
    "e.__notes__ = ['text', 42, N(), None]\n"
    "raise e\n"))
case("notes_str_fails", (
    "class Bad:\n"
    "    def __str__(self):\n"
    "        raise RuntimeError\n"
    "e = ValueError('x')\n"
    "e.__notes__ = ['before', Bad(), 'after']\n"
    "raise e\n"))
case("notes_not_a_sequence", "e = ValueError('x')\ne.__notes__ = 42\nraise e\n")
case("notes_tuple", "e = ValueError('x')\ne.__notes__ = ('a', 'b')\nraise e\n")
case("notes_string_sequence", "e = ValueError('x')\ne.__notes__ = 'abc'\nraise e\n")
case("notes_repr_fails", (
    "class Bad:\n"
    "    def __repr__(self):\n"
    "        raise RuntimeError\n"
    "e = ValueError('x')\n"
    "e.__notes__ = Bad()\n"
    "raise e\n"))
case("notes_on_chained", (
    "try:\n"
    "    e = KeyError('inner')\n"
    "    e.add_note('inner note')\n"
    "    raise e\n"
    "except KeyError:\n"
    "    e2 = ValueError('outer')\n"
    "    e2.add_note('outer note')\n"
    "    raise e2\n"))
case("notes_unicode", "e = ValueError('x')\ne.add_note('notę with ünïcode 名前 🐍')\nraise e\n")

# ---------------------------------------------------------------------------
# SyntaxError raised at run time

case("compile_syntax_error", "compile('x = (1,\\n', 'snippet.py', 'exec')\n")
case("compile_syntax_error_range", "compile('a = 1 +* 2', '<input>', 'exec')\n")
case("compile_indentation_error", "compile('if x:\\npass', 'block.py', 'exec')\n")
case("compile_tab_error", "compile('if x:\\n\\tpass\\n        pass', 'tabs.py', 'exec')\n")
case("compile_unicode_line", "compile(\"s = 'héllo' +* 1\", 'uni.py', 'exec')\n")
case("compile_indented_text", "compile('if True:\\n    x = = 1', 'ind.py', 'exec')\n")
case("compile_multiline_error", "compile('f(a for a in b, c)', 'gen.py', 'exec')\n")
case("compile_unterminated_string", "compile('x = \"abc', 'str.py', 'exec')\n")
case("eval_syntax_error", "eval('1 +')\n")
case("exec_syntax_error_in_function", "def run(src):\n    exec(src)\nrun('for')\n")
case("syntax_error_manual", "raise SyntaxError('custom message', ('file.py', 3, 5, 'some text here', 3, 9))\n")
case("syntax_error_manual_no_offset", "raise SyntaxError('msg', ('file.py', 3, None, 'some text', None, None))\n")
case("syntax_error_manual_no_text", "raise SyntaxError('msg', ('file.py', 3, 2, None, 3, 4))\n")
case("syntax_error_manual_none_filename", "raise SyntaxError('msg', (None, 1, 1, 'x\\n', 1, 2))\n")
case("syntax_error_manual_offset_past_end", "raise SyntaxError('msg', ('f.py', 1, 50, 'short\\n', 1, 60))\n")
case("syntax_error_manual_multiline_text", "raise SyntaxError('msg', ('f.py', 1, 8, 'line one\\nline two\\n', 1, 10))\n")
case("syntax_error_manual_zero_offset", "raise SyntaxError('msg', ('f.py', 1, 0, 'abc\\n', 1, 0))\n")
case("syntax_error_manual_end_line", "raise SyntaxError('msg', ('f.py', 1, 2, 'abcdef\\n', 2, 1))\n")
case("syntax_error_manual_leading_ws", "raise SyntaxError('msg', ('f.py', 1, 6, '   \\t abc def\\n', 1, 9))\n")
case("syntax_error_only_message", "raise SyntaxError('just a message')\n")
case("syntax_error_no_args", "raise SyntaxError\n")
case("syntax_error_msg_none", "raise SyntaxError(None, ('f.py', 1, 1, 'x', 1, 2))\n")
case("syntax_error_subclass", (
    "class MySyntax(SyntaxError):\n"
    "    pass\n"
    "raise MySyntax('sub', ('f.py', 2, 3, 'abcdefg\\n', 2, 6))\n"))
case("indentation_error_manual", "raise IndentationError('ind', ('f.py', 2, 3, '  abcdefg\\n', 2, 6))\n")
case("syntax_error_lineno_zero", "raise SyntaxError('zero', ('f.py', 0, 1, 'x', 0, 2))\n")
case("syntax_error_with_note", (
    "try:\n"
    "    compile('1 +', 'n.py', 'exec')\n"
    "except SyntaxError as e:\n"
    "    e.add_note('compiling n.py')\n"
    "    raise\n"))
case("syntax_error_chained", (
    "try:\n"
    "    compile('(', 'c.py', 'exec')\n"
    "except SyntaxError as e:\n"
    "    raise RuntimeError('could not compile') from e\n"))
case("syntax_error_print_file_and_line", (
    "e = ValueError('not syntax')\n"
    "e.print_file_and_line = None\n"
    "e.filename = 'pf.py'\n"
    "e.lineno = 4\n"
    "e.offset = 2\n"
    "e.text = 'text here'\n"
    "e.msg = 'pretend'\n"
    "raise e\n"))

# ---------------------------------------------------------------------------
# Exception groups

case("group_simple", "raise ExceptionGroup('two', [ValueError(1), TypeError('t')])\n")
case("group_with_tracebacks", (
    "def fail(i):\n"
    "    raise ValueError(f'failure {i}')\n"
    "errors = []\n"
    "for i in range(3):\n"
    "    try:\n"
    "        fail(i)\n"
    "    except ValueError as e:\n"
    "        errors.append(e)\n"
    "raise ExceptionGroup('many', errors)\n"))
case("group_nested", (
    "inner = ExceptionGroup('inner', [KeyError('k'), OSError('o')])\n"
    "raise ExceptionGroup('outer', [inner, ValueError('v')])\n"))
case("group_nested_raised", (
    "def level(n):\n"
    "    if n == 0:\n"
    "        raise ValueError('leaf')\n"
    "    try:\n"
    "        level(n - 1)\n"
    "    except Exception as e:\n"
    "        raise ExceptionGroup(f'level {n}', [e, TypeError(n)])\n"
    "level(3)\n"))
case("group_width_limit", "raise ExceptionGroup('wide', [ValueError(i) for i in range(20)])\n")
case("group_width_exact", "raise ExceptionGroup('fifteen', [ValueError(i) for i in range(15)])\n")
case("group_width_sixteen", "raise ExceptionGroup('sixteen', [ValueError(i) for i in range(16)])\n")
case("group_depth_limit", (
    "e = ValueError('bottom')\n"
    "for i in range(14):\n"
    "    e = ExceptionGroup(f'depth {i}', [e])\n"
    "raise e\n"))
case("group_depth_and_width", (
    "e = ValueError('bottom')\n"
    "for i in range(12):\n"
    "    e = ExceptionGroup(f'depth {i}', [e] + [KeyError(j) for j in range(i % 3)])\n"
    "raise e\n"))
case("group_with_notes", (
    "a = ValueError('a')\n"
    "a.add_note('note on a\\nsecond line')\n"
    "g = ExceptionGroup('g', [a, TypeError('b')])\n"
    "g.add_note('group note')\n"
    "raise g\n"))
case("group_member_chained", (
    "def fail():\n"
    "    try:\n"
    "        1 / 0\n"
    "    except ZeroDivisionError as e:\n"
    "        raise ValueError('member') from e\n"
    "try:\n"
    "    fail()\n"
    "except ValueError as v:\n"
    "    raise ExceptionGroup('chained member', [v, KeyError('k')])\n"))
case("group_member_context_last", (
    "def fail():\n"
    "    try:\n"
    "        {}['x']\n"
    "    except KeyError:\n"
    "        raise ValueError('last member with context')\n"
    "try:\n"
    "    fail()\n"
    "except ValueError as v:\n"
    "    raise ExceptionGroup('g', [TypeError('first'), v])\n"))
case("group_in_context", (
    "try:\n"
    "    raise ExceptionGroup('handled', [ValueError(1)])\n"
    "except* ValueError:\n"
    "    raise RuntimeError('during except*')\n"))
case("group_except_star_reraise", (
    "try:\n"
    "    raise ExceptionGroup('eg', [ValueError(1), TypeError(2)])\n"
    "except* ValueError:\n"
    "    pass\n"))
case("group_except_star_raise_new", (
    "try:\n"
    "    raise ExceptionGroup('eg', [ValueError(1), TypeError(2)])\n"
    "except* ValueError:\n"
    "    raise KeyError('new')\n"
    "except* TypeError:\n"
    "    raise OSError('also new')\n"))
case("base_exception_group", "raise BaseExceptionGroup('base', [KeyboardInterrupt(), ValueError(2)])\n")
case("group_member_recursion", (
    "import sys\n"
    "sys.setrecursionlimit(60)\n"
    "def r(n):\n"
    "    return r(n + 1)\n"
    "try:\n"
    "    r(0)\n"
    "except RecursionError as e:\n"
    "    raise ExceptionGroup('rec', [e])\n"))
case("group_member_syntax_error", (
    "try:\n"
    "    compile('x = = 1', 'member.py', 'exec')\n"
    "except SyntaxError as e:\n"
    "    raise ExceptionGroup('syntax in group', [e, ValueError('v')])\n"))
case("group_member_str_fails", (
    "class Bad(Exception):\n"
    "    def __str__(self):\n"
    "        raise ValueError\n"
    "raise ExceptionGroup('g', [Bad()])\n"))
case("group_same_member_twice", (
    "e = ValueError('shared')\n"
    "raise ExceptionGroup('twice', [e, e])\n"))
case("group_member_cycle", (
    "a = ValueError('a')\n"
    "g = ExceptionGroup('g', [a])\n"
    "a.__context__ = g\n"
    "raise g\n"))
case("group_subclass", (
    "class MyGroup(ExceptionGroup):\n"
    "    pass\n"
    "raise MyGroup('mine', [ValueError(1)])\n"))
case("group_cause_of_plain", (
    "try:\n"
    "    raise ExceptionGroup('cause group', [ValueError(1), KeyError(2)])\n"
    "except ExceptionGroup as g:\n"
    "    raise RuntimeError('plain') from g\n"))
case("group_nested_with_tracebacks_width", (
    "def inner():\n"
    "    errors = []\n"
    "    for i in range(16):\n"
    "        try:\n"
    "            raise ValueError(i)\n"
    "        except ValueError as e:\n"
    "            errors.append(e)\n"
    "    raise ExceptionGroup('inner', errors)\n"
    "try:\n"
    "    inner()\n"
    "except ExceptionGroup as g:\n"
    "    raise ExceptionGroup('outer', [g, KeyError('k')])\n"))
case("group_tracebacklimit", (
    "import sys\n"
    "sys.tracebacklimit = 1\n"
    "def f():\n"
    "    raise ExceptionGroup('lim', [ValueError(1)])\n"
    "def g():\n"
    "    f()\n"
    "g()\n"))
case("group_multiline_message", "raise ExceptionGroup('line one\\nline two', [ValueError('a\\nb')])\n")

# ---------------------------------------------------------------------------
# Source text oddities

case("unicode_identifiers", "def fünction():\n    ïnput = None\n    return ïnput.attr\nfünction()\n")
case("unicode_before_error", "def f():\n    x = {'ключ': None}; return x['ключ'].upper()\nf()\n")
case("tabs_indentation", "def f():\n\tif True:\n\t\treturn None.attr\nf()\n")
case("mixed_indentation", "def f():\n \t  return [][0]\nf()\n")
case("form_feed", "def f():\n\f    return {}['x']\nf()\n")
case("crlf_line_endings", "def f():\r\n    return 1 / 0\r\nf()\r\n")
case("cr_line_endings", "def f():\r    return [] + None\rf()\r")
case("latin1_cookie", b"# -*- coding: latin-1 -*-\ndef f():\n    s = '\xe9t\xe9'\n    return s + 1\nf()\n")
case("no_trailing_newline", "x = None\nx.attr")
case("long_multiline_call", (
    "def process(*args, **kwargs):\n"
    "    return args[0] / kwargs['d']\n"
    "result = process(\n"
    "    1,\n"
    "    d=0,\n"
    ")\n"))
case("missing_source_file", (
    "import os\n"
    "with open('gone.py', 'w') as f:\n"
    "    f.write('def boom():\\n    raise ValueError(\"gone\")\\n')\n"
    "import sys\n"
    "sys.path.insert(0, '.')\n"
    "import gone\n"
    "os.remove('gone.py')\n"
    "gone.boom()\n"))
case("changed_source_file", (
    "import os\n"
    "with open('changing.py', 'w') as f:\n"
    "    f.write('def boom():\\n    raise ValueError(\"changed\")\\n')\n"
    "import sys\n"
    "sys.path.insert(0, '.')\n"
    "import changing\n"
    "with open('changing.py', 'w') as f:\n"
    "    f.write('# the file was edited\\n    x = 1 + 2 + 3 + 4\\n')\n"
    "changing.boom()\n"))
case("line_beyond_file", (
    "import os\n"
    "with open('shrinks.py', 'w') as f:\n"
    "    f.write('\\n\\n\\ndef boom():\\n    raise ValueError(\"short\")\\n')\n"
    "import sys\n"
    "sys.path.insert(0, '.')\n"
    "import shrinks\n"
    "with open('shrinks.py', 'w') as f:\n"
    "    f.write('x\\n')\n"
    "shrinks.boom()\n"))
case("angle_bracket_filename", (
    "import os\n"
    "with open('<fake>', 'w') as f:\n"
    "    f.write('raise ValueError(1)\\n')\n"
    "exec(compile(open('<fake>').read(), '<fake>', 'exec'))\n"))
case("function_name_with_dunder", (
    "class C:\n"
    "    def __getitem__(self, k):\n"
    "        raise IndexError(k)\n"
    "C()[3]\n"))


# ---------------------------------------------------------------------------
# More edges: wide characters, positions, limits, group boxes

case("wide_before_subscript", "def f(y):\n    z = ('名前名前', y[5])\nf(1)\n")
case("wide_subscript_key", "def f(d):\n    return d['名前'] + d['ない']\nf({'名前': 1})\n")
case("wide_attribute", "x = ('名名', '名'.foo())\n")
case("wide_whole_line", "'名前'.nothing()\n")
case("wide_multiline_call", "def g(*a):\n    raise ValueError\ng('名前名前',\n  '🐍')\n")
case("nonascii_multiline_call_end", "def g(*a):\n    raise ValueError\ng('ééééé', 1,   \n  2)\n")
case("unassigned_code_point", "def f():\n    return '\u0378\u0379' + 1\nf()\n")
case("combining_characters", "def f():\n    return 'e\u0301e\u0301' + 1\nf()\n")
case("fullwidth_operand", "def f():\n    ＡＢ = 'x'\n    return ＡＢ - 1\nf()\n")
case("tab_inside_line", "def f(a):\n    return a +\t'x'\nf(1)\n")
case("binop_double_parens", "def f(a, b):\n    return ((a)) + b\nf(1, 'x')\n")
case("binop_multiline_operands", "def f(a, b):\n    return (a\n            +\n            b)\nf(1, 'x')\n")
case("binop_string_with_brackets", "def f(d):\n    return d[']'] + d['[']\nf({']': 1})\n")
case("subscript_chained_first_fails", "def f(a):\n    return a[0][1]\nf([None])\n")
case("augassign_subscript", "x = None\nx[0] += 1\n")
case("attribute_store", "(1).x = 2\n")
case("compare_chain", "def f(a):\n    return 1 < a < 'x'\nf(2)\n")
case("starred_call", "def f(*a):\n    pass\nf(*None)\n")
case("no_debug_ranges", "def f(a):\n    return a + 'x'\nf(1)\n", env={"PYTHONNODEBUGRANGES": "1"})
case("no_debug_ranges_recursion", (
    "import sys\n"
    "sys.setrecursionlimit(40)\n"
    "def f(n):\n"
    "    return f(n + 1)\n"
    "f(0)\n"), env={"PYTHONNODEBUGRANGES": "1"})
case("traceback_limit_huge", "import sys\nsys.tracebacklimit = 10**30\ndef f():\n    raise ValueError\nf()\n")
case("traceback_limit_negative", "import sys\nsys.tracebacklimit = -5\ndef f():\n    raise ValueError('hidden tb')\nf()\n")
case("traceback_limit_not_int", "import sys\nsys.tracebacklimit = 'x'\ndef f():\n    raise ValueError\nf()\n")
case("traceback_limit_inside_recursion", (
    "import sys\n"
    "sys.tracebacklimit = 5\n"
    "def f(n):\n"
    "    if n == 0:\n"
    "        raise ValueError\n"
    "    f(n - 1)\n"
    "f(10)\n"))
case("default_limit_drops_oldest", (
    "import sys\n"
    "sys.setrecursionlimit(1100)\n"
    "def f(n):\n"
    "    if n == 0:\n"
    "        raise ValueError('deep')\n"
    "    f(n - 1)\n"
    "def start():\n"
    "    f(1010)\n"
    "start()\n"))
case("signal_keyboard_interrupt", (
    "import os, signal\n"
    "def handler_free():\n"
    "    os.kill(os.getpid(), signal.SIGINT)\n"
    "    for i in range(10**6):\n"
    "        pass\n"
    "handler_free()\n"))
case("package_module_type", "import pkg.sub\npkg.sub.fail()\n", {
    "pkg/__init__.py": "",
    "pkg/sub.py": "class PkgError(LookupError):\n    pass\n\ndef fail():\n    raise PkgError('in package')\n"})
case("exception_from_helper_module", "import helper\nhelper.compute([])\n", {
    "helper.py": "def compute(values):\n    total = 0\n    return total / len(values)\n"})
case("empty_filename", "exec(compile('1 / 0', '', 'exec'))\n")
case("compiled_with_existing_filename", "exec(compile('x = 1\\ny = None\\ny.attr', 'other.py', 'exec'))\n", {
    "other.py": "# line one of the real file\nvalue = compute(first) + compute(second)\nprint(  'third line'  )\n"})
case("long_context_chain", (
    "def f(n):\n"
    "    try:\n"
    "        raise ValueError(n)\n"
    "    finally:\n"
    "        if n:\n"
    "            f(n - 1)\n"
    "f(12)\n"))
case("cause_context_cycle", (
    "a = ValueError('a')\n"
    "b = KeyError('b')\n"
    "c = TypeError('c')\n"
    "a.__cause__ = b\n"
    "b.__context__ = c\n"
    "c.__cause__ = a\n"
    "raise a\n"))
case("cause_none_context_suppressed_false", (
    "try:\n"
    "    1 / 0\n"
    "except ZeroDivisionError:\n"
    "    try:\n"
    "        raise KeyError('mid')\n"
    "    except KeyError:\n"
    "        raise ValueError('top') from None\n"))
case("group_last_member_nested", (
    "inner = ExceptionGroup('inner', [KeyError('k'), OSError('o')])\n"
    "raise ExceptionGroup('outer', [ValueError('v'), inner])\n"))
case("group_last_member_nested_deep", (
    "g = ExceptionGroup('g0', [ValueError(0)])\n"
    "for i in range(1, 4):\n"
    "    g = ExceptionGroup(f'g{i}', [KeyError(i), g])\n"
    "raise g\n"))
case("group_last_member_with_group_context", (
    "def fail():\n"
    "    try:\n"
    "        raise ExceptionGroup('ctx group', [KeyError('k')])\n"
    "    except ExceptionGroup:\n"
    "        raise ValueError('member with group context')\n"
    "try:\n"
    "    fail()\n"
    "except ValueError as v:\n"
    "    raise ExceptionGroup('outer', [TypeError('t'), v])\n"))
case("group_member_group_with_cause", (
    "inner = ExceptionGroup('inner', [KeyError('k')])\n"
    "inner.__cause__ = ExceptionGroup('cause of inner', [OSError('o')])\n"
    "raise ExceptionGroup('outer', [inner])\n"))
case("group_notes_failures", (
    "class Bad:\n"
    "    def __str__(self):\n"
    "        raise RuntimeError\n"
    "a = ValueError('a')\n"
    "a.__notes__ = ['ok', Bad(), 'multi\\nline']\n"
    "b = KeyError('b')\n"
    "b.__notes__ = 7\n"
    "raise ExceptionGroup('g', [a, b, TypeError('after')])\n"))
case("group_notes_dict", "e = ValueError('x')\ne.__notes__ = {'a': 1}\nraise ExceptionGroup('g', [e])\n")
case("group_syntax_error_text", (
    "s = SyntaxError('m', ('f.py', 2, 3, '  abc\\ndef\\n', 2, 5))\n"
    "raise ExceptionGroup('g', [s])\n"))
case("group_width_and_tracebacks_in_member_groups", (
    "def leaf(i):\n"
    "    raise ValueError(i)\n"
    "def many(n, name):\n"
    "    errors = []\n"
    "    for i in range(n):\n"
    "        try:\n"
    "            leaf(i)\n"
    "        except ValueError as e:\n"
    "            errors.append(e)\n"
    "    try:\n"
    "        raise ExceptionGroup(name, errors)\n"
    "    except ExceptionGroup as g:\n"
    "        return g\n"
    "raise ExceptionGroup('top', [many(2, 'a'), many(1, 'b')])\n"))
case("group_keyboard_interrupt", "raise BaseExceptionGroup('stop', [KeyboardInterrupt()])\n")
case("group_recursion_member_collapsed", (
    "def f(n):\n"
    "    if n == 0:\n"
    "        raise ValueError('bottom')\n"
    "    f(n - 1)\n"
    "try:\n"
    "    f(8)\n"
    "except ValueError as e:\n"
    "    raise ExceptionGroup('g', [e])\n"))
case("syntax_error_lineno_not_int", "e = SyntaxError('m')\ne.lineno = 'x'\nraise e\n")
case("syntax_error_end_offset_not_int", "e = SyntaxError('m', ('f.py', 1, 1, 'x', 1, 1))\ne.end_offset = 'x'\nraise e\n")
case("syntax_error_offset_not_int", "e = SyntaxError('m', ('f.py', 1, 1, 'x', 1, 1))\ne.offset = 'x'\nraise e\n")
case("syntax_error_nonascii_text", "raise SyntaxError('m', ('f.py', 1, 5, 'éééé abc\\n', 1, 8))\n")
case("syntax_error_negative_offset", "raise SyntaxError('m', ('f.py', 1, -5, 'abc\\n', 1, 2))\n")
case("syntax_error_end_before_offset", "raise SyntaxError('m', ('f.py', 1, 4, 'abcdef\\n', 1, 2))\n")
case("syntax_error_empty_text", "raise SyntaxError('m', ('f.py', 1, 1, '', 1, 1))\n")
case("syntax_error_offset_at_end", "raise SyntaxError('m', ('f.py', 1, 4, 'abc', 1, 9))\n")
case("syntax_error_form_feed_text", "raise SyntaxError('m', ('f.py', 1, 4, '\\f\\tab\\n', 1, 5))\n")
case("syntax_error_filename_object", "raise SyntaxError('m', (42, 1, 1, 'x\\n', 1, 2))\n")
case("syntax_error_str_msg_fails", (
    "class M:\n"
    "    def __str__(self):\n"
    "        raise ValueError\n"
    "raise SyntaxError(M(), ('f.py', 1, 1, 'x\\n', 1, 2))\n"))
case("syntax_error_empty_msg", "raise SyntaxError('', ('f.py', 1, 1, 'x\\n', 1, 2))\n")
case("syntax_error_subclass_multiline_end", (
    "class S(SyntaxError):\n"
    "    pass\n"
    "raise S('m', ('f.py', 1, 2, 'abcdef\\n', 3, 1))\n"))
case("syntax_error_text_many_lines_offset_late", "raise SyntaxError('m', ('f.py', 1, 12, 'ab\\ncd\\nefgh\\nij\\n', 1, 13))\n")

case("no_line_numbers_recursion", (
    "import sys\n"
    "sys.setrecursionlimit(30)\n"
    "def f(n):\n"
    "    return f(n + 1)\n"
    "f.__code__ = f.__code__.replace(co_linetable=b'')\n"
    "def g():\n"
    "    f(0)\n"
    "g()\n"))
case("notes_line_boundaries", (
    "e = ValueError('x')\n"
    "e.add_note('crlf\\r\\nnext\\rcr\\x0bvt\\x0cff\\x1cfs\\x85nel\\u2028ls\\u2029ps end')\n"
    "raise ExceptionGroup('g', [e])\n"))
case("byte_order_mark", b"\xef\xbb\xbfraise ValueError(1)\n")
case("cookie_utf8_crlf", b"# coding: utf-8\r\ndef f():\r\n    return 'caf\xc3\xa9' + 1\r\nf()\r\n")
case("cp1252_cookie", b"# -*- coding: cp1252 -*-\ns = '\x80\x93'\nx = s + 1\n")
case("message_with_carriage_returns", "raise ValueError('a\\r\\nb\\rc')\n")

case("wide_whole_line_call", "名前 = 1\n名前()\n")
case("wide_whole_line_multiline", "def g(*a):\n    raise ValueError\ng('名前',\n  1)\n")
case("soft_keyword_subscripts", "def f(match, case, _):\n    return match[0] + case[1] + _[2]\nf([1], [1, 2], None)\n")
case("soft_keyword_match_none", "match = None\nmatch[0]\n")
case("fstring_subscript", "def f(d):\n    return f'{d[\"k\"]!r:>10}'\nf({})\n")
case("fstring_later_in_line", "def f(a):\n    x = 1; return 'p' + f'{a + 1}'\nf('s')\n")
case("subscript_slice_steps", "def f(a):\n    return a[1:2:3, ...]\nf([])\n")
case("binop_in_default_argument", "def f(a=1 + None):\n    pass\n")
case("binop_walrus_operand", "def f():\n    return (x := 1) + 'a'\nf()\n")
case("binop_await_like_names", "def f(await_, async_):\n    return await_ - async_\nf('a', 1)\n")

# ---------------------------------------------------------------------------
# Random expressions (fixed seed): operators, subscripts, parentheses and
# spacing in many combinations, with wide and non-ASCII text around them, so
# the caret and anchor rules meet shapes nobody wrote by hand.


def random_cases(count, seed=3110):
    import random
    rng = random.Random(seed)
    texts = ["'ab'", "'é'", "'名前'", "'🐍'", "s", "t"]
    operators = ["+", "-", "*", "/", "//", "%", "**", "@", "<<", "|"]

    def space():
        return rng.choice(["", " ", "  ", "\t"])

    def atom(depth):
        kind = rng.randrange(6 if depth < 2 else 3)
        if kind == 0:
            return rng.choice(texts)
        if kind == 1:
            return rng.choice(["n", "m", "1", "2.5"])
        if kind == 2:
            return "(" + space() + atom(depth + 1) + space() + ")"
        if kind == 3:
            return atom(depth + 1) + space() + rng.choice(operators) + space() + atom(depth + 1)
        if kind == 4:
            return atom(depth + 1) + "[" + space() + rng.choice(["0", "n", "'k'", "1:2"]) + space() + "]"
        return "g(" + atom(depth + 1) + ")"

    for number in range(count):
        expression = atom(0) + space() + rng.choice(operators) + space() + atom(0)
        prefix = rng.choice(["", "x = ", "x = ('名前', ", "y = 'ü'; x = "])
        suffix = ")" if prefix.endswith("(") else ""
        indent = rng.choice(["    ", "\t", "  \t  "])
        source = (
            "def g(v):\n"
            "    return v\n"
            "def f(s, t, n, m):\n"
            f"{indent}{prefix}{expression}{suffix}\n"
            "f('s', [1], None, {})\n")
        case(f"random_{number:02d}", source, may_live=True)


random_cases(30)

# ---------------------------------------------------------------------------


def run_case(c):
    # Every case runs in the same (emptied) directory: shorter file names
    # keep the data small.
    directory = os.path.join(WORK, "case")
    shutil.rmtree(directory, ignore_errors=True)
    os.makedirs(directory)
    for name, text in c.files.items():
        os.makedirs(os.path.dirname(os.path.join(directory, name)), exist_ok=True)
        with open(os.path.join(directory, name), "w", encoding="utf-8") as out:
            out.write(text)
    main = os.path.join(directory, "main.py")
    source = c.source if isinstance(c.source, bytes) else c.source.encode("utf-8")
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    # Compile-time SyntaxWarnings ("perhaps you missed a comma?") are not
    # part of the traceback.
    env["PYTHONWARNINGS"] = "ignore::SyntaxWarning"
    env.update(c.env)

    def run(hooked):
        with open(main, "wb") as out:
            out.write(source)
        run_env = dict(env)
        if hooked:
            run_env["PYTHONPATH"] = os.path.join(WORK, "_hook")
            run_env["GARTER_TB_OUT"] = os.path.join(WORK, "_report.json")
        result = subprocess.run([PYTHON, main], cwd=directory, env=run_env,
                                capture_output=True, timeout=60)
        return result.stderr

    expected = run(False)
    report_path = os.path.join(WORK, "_report.json")
    if os.path.exists(report_path):
        os.remove(report_path)
    hooked = run(True)
    if hooked != expected:
        raise SystemExit(f"{c.name}: the hook changed the output:\n{expected!r}\n{hooked!r}")
    if not os.path.exists(report_path) and c.may_live:
        return None
    if not os.path.exists(report_path):
        raise SystemExit(f"{c.name}: no report (did the program die?)\n{expected.decode()}")
    with open(report_path) as f:
        report = json.load(f)
    # Keep the file bytes only where reading them is of interest (encodings,
    # line endings, other files), to keep the data small.
    sources = {}
    for number, text in report.pop("sources").items():
        name = report["files"][int(number)]
        if (not name.endswith("/main.py") or "\r" in text or any(ord(ch) > 0x7F for ch in text)
                or "coding" in text):
            sources[number] = text
    if sources:
        report["sources"] = sources
    if report["limit"] is None:
        del report["limit"]
    report["name"] = c.name
    report["stderr"] = expected.decode("utf-8")
    return report


def write_wide_characters():
    """The W and F ranges of east_asian_width, from the python3 that runs
    the cases (so from CPython 3.11's Unicode 14 tables)."""
    script = (
        "import unicodedata, json\n"
        "ranges = []\n"
        "start = None\n"
        "for c in range(0x110001):\n"
        "    wide = c < 0x110000 and unicodedata.east_asian_width(chr(c)) in ('W', 'F')\n"
        "    if wide and start is None:\n"
        "        start = c\n"
        "    elif not wide and start is not None:\n"
        "        ranges.append((start, c - 1))\n"
        "        start = None\n"
        "print(json.dumps([unicodedata.unidata_version, ranges]))\n")
    version, ranges = json.loads(subprocess.run([PYTHON, "-c", script], capture_output=True,
                                                check=True, text=True).stdout)
    rows = []
    for i in range(0, len(ranges), 4):
        rows.append("        " + " ".join("0x%X, 0x%X," % tuple(r) for r in ranges[i:i + 4]))
    with open(WIDE_OUT, "w") as out:
        out.write("// Generated by scripts/gen_traceback_cases.py from CPython 3.11's\n")
        out.write(f"// unicodedata (Unicode {version}). Do not edit.\n\n")
        out.write("/// Code points whose East Asian Width is W (wide) or F (fullwidth),\n")
        out.write("/// as sorted inclusive ranges: first, last, first, last...\n")
        out.write("enum WideCharacters {\n")
        out.write("    static let ranges: [UInt32] = [\n")
        out.write("\n".join(rows))
        out.write("\n    ]\n}\n")


def main():
    write_wide_characters()
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(os.path.join(WORK, "_hook"))
    with open(os.path.join(WORK, "_hook", "sitecustomize.py"), "w") as out:
        out.write(HOOK)
    names = set()
    lines = []
    for c in CASES:
        assert c.name not in names, c.name
        names.add(c.name)
        report = run_case(c)
        if report is None:
            continue
        lines.append(json.dumps(report, ensure_ascii=True, separators=(",", ":")))
    body = "\n".join(lines)
    assert '"""#' not in body
    with open(OUT, "w") as out:
        out.write("// Generated by scripts/gen_traceback_cases.py from CPython 3.11. Do not edit.\n")
        out.write("// One JSON object per line: the report extracted inside the dying\n")
        out.write("// process and the exact stderr CPython wrote (format in the script).\n\n")
        out.write("let tracebackCaseData = #\"\"\"\n")
        out.write(body)
        out.write("\n\"\"\"#\n")
    print(f"{len(lines)} cases, {os.path.getsize(OUT)} bytes -> {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
