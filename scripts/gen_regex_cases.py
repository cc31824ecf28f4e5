#!/usr/bin/env python3
"""Writes the regular-expression engine's test data from CPython 3.11.

For every pattern below, CPython's own compiler (re._parser.parse and
re._compiler._code, exactly what Garter runs) gives the code list, and
CPython's engine gives the results the Swift engine must reproduce on a set of
subjects: match, fullmatch and search (also with pos/endpos), the matches
finditer yields, findall, split (with and without maxsplit) and sub/subn with
a function replacement and a count.

Output: Tests/GarterRuntimeTests/RegexCaseData.swift, one JSON document (all
ASCII) in a Swift string literal; Tests/GarterRuntimeTests/RegexCaseSupport.swift
reads it. The document:

  {"patterns": [pattern, ...], "unicode": {...}, "large": [...]}
  pattern = {"source": repr of the pattern, "flags": final flags,
             "bytes": bool, "code": [words], "groups": n, "cases": [case, ...]}
  case    = {"text": subject, "match": r, "fullmatch": r, "search": r,
             "bounded": [[pos, endpos, match r, search r, fullmatch r], ...],
             "finditer": [spans, ...], "finditer_pos": [pos, [spans, ...]],
             "findall": [...], "split": [...], "split1": [...],
             "sub": text, "subn1": [text, n],
             "scanner_match": [spans, ...]}
            scanner_match lists what Scanner.match returns in turn until None;
            finditer_pos, scanner_match, split1 and subn1 are there for some
            subjects only
  r       = null, or the flat list of group spans (group 0 first, -1 for a
            group that did not take part) followed by lastindex (-1 for None)

Strings are JSON strings; a bytes subject or result is written as the str of
its Latin-1 decoding (one character per byte). In sub, every match is replaced
by "<" + the match + ">".

  python3 scripts/gen_regex_cases.py                  # the committed data
  python3 scripts/gen_regex_cases.py --re-tests OUT   # more cases, from the
        installed CPython's Lib/test/re_tests.py, for a local run only
        (GARTER_REGEX_EXTRA_CASES=OUT swift test --filter Regex)
  python3 scripts/gen_regex_cases.py --bench OUT      # a 1 MB subject, a few
        patterns and CPython's times for finding all their matches
        (GARTER_REGEX_BENCH=OUT swift test -c release --filter RegexBenchmark)
"""

import json
import os
import re
import sys
import unicodedata

assert sys.version_info[:2] == (3, 11), "the oracle is CPython 3.11"

from re import _compiler, _parser  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "GarterRuntimeTests", "RegexCaseData.swift")

I, M, S, X, A, L, U = re.I, re.M, re.S, re.X, re.A, re.L, re.U

GENERAL = ["", "a", "ab", "abc", "aaa", "abab", "xaxbx", "ABC",
           "hello world", "foo bar  baz\n", "a\nb\nc\n", "123 abc 456"]

# (pattern, flags, extra subjects, use the general subjects too)
PATTERNS = [
    # literals, dot, classes
    ("abc", 0, ["xabcabc", "ababc"], True),
    ("a.c", 0, ["a\nc", "axcaxc"], True),
    ("a.c", S, ["a\nc"], False),
    ("a.*c", 0, ["abcbc", "a\nc"], True),
    ("a.*?c", 0, ["abcbc"], False),
    ("[abc]+", 0, [], True),
    ("[^abc]+", 0, [], True),
    ("[a-z0-9_]+", 0, ["Zz9_!"], True),
    ("[-a]", 0, ["-a-"], False),
    ("[]a]+", 0, ["]a]b"], False),
    (r"\d+", 0, ["x\u0663\u0664y 12", "\uff11\uff12"], True),
    (r"\D+", 0, [], True),
    (r"\w+", 0, ["h\u00e9llo w\u00f6rld", "\u03b1\u03b2\u03b3 \u0663", "_x_"], True),
    (r"\W+", 0, ["h\u00e9llo w\u00f6rld"], True),
    (r"\s+", 0, ["a\u2003b\u00a0c\x1cd\x85e", "\t\n\x0b\x0c\r "], True),
    (r"\S+", 0, ["a\u2003b"], True),
    (r"[\d\s]+", 0, [], True),
    (r"[^\w]", 0, ["a-b c"], True),
    (r"[\w.-]+@[\w-]+\.\w+", 0, ["mail me: joe.x@ex-ample.com now"], False),
    (r"\w+", A, ["h\u00e9llo", "\u0663"], False),
    (r"(?a)[\w]+", 0, ["h\u00e9llo"], False),
    (r"\d", A, ["\u0663 1"], False),
    (r"\s", A, ["\u2003 \x1c"], False),
    # quantifiers
    ("x*", 0, ["xxx", "axxb"], True),
    ("x+?", 0, ["xxx"], False),
    ("a{2,3}", 0, ["aaaa", "aaaaaaa"], True),
    ("a{2,}?", 0, ["aaaa"], True),
    ("a{,2}", 0, ["aaaa"], True),
    ("a{3}", 0, ["aaaa"], True),
    ("(?:ab){2,3}", 0, ["abababab", "ababa"], True),
    ("(?:ab){2,3}?", 0, ["abababab"], False),
    ("a{0}b", 0, ["ab"], False),
    ("a?b?c?", 0, ["abc", "ac", "bc"], True),
    ("(ab|a)*?b", 0, ["abab", "aab"], True),
    ("[ab]*?b", 0, ["aab"], True),
    # groups and alternation
    ("(a)(b)?(c)", 0, ["ac", "abc"], True),
    ("(a|b)*c", 0, ["ababc", "abx"], True),
    ("(a|ab)(c|bcd)(d*)", 0, ["abcd", "abcdd"], False),
    ("((a)|b)+", 0, ["ab", "ba", "abba"], True),
    ("(a*)*", 0, ["aa", "b"], True),
    ("(a*)+", 0, ["aa", "b"], True),
    ("(a|b)*?c", 0, ["abc", "bbbc"], False),
    ("(a)|(b)", 0, [], True),
    ("(?:(a)|b)*", 0, ["ab", "ba"], True),
    ("(?:(a)|(b))+", 0, ["ab", "ba", "aab"], False),
    ("(a)|b", 0, ["b", "ab"], False),
    ("((a)|(b))*?c", 0, ["abc", "bac"], False),
    ("(a+|b+)*", 0, ["aabba"], True),
    ("(a+|b+){2}", 0, ["aabba", "ab"], False),
    ("(a+|b+){1,2}?", 0, ["aabba"], False),
    ("(?:a|(b))*b", 0, ["abab", "aab"], False),
    ("(a)(?:b|(c))(d)?", 0, ["ab", "acd", "abd"], False),
    ("(?P<first>\\w+) (?P<last>\\w+)", 0, ["Jane Doe", "x y z"], True),
    ("(((((((((((a)))))))))))", 0, ["a"], False),
    ("(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)\\11", 0, ["abcdefghijkk", "abcdefghijka"], False),
    # backreferences and conditionals
    (r"(a)\1", 0, ["aa", "aaa"], True),
    (r"(?P<x>a+)(?P=x)", 0, ["aaaa", "aaa"], True),
    (r"(a*)b\1", 0, ["aabaa", "aaba", "b"], False),
    (r"(a)|\1", 0, ["a", "x"], False),
    (r"(?:(a)|b)\1", 0, ["aa", "ba", "bb"], False),
    (r"(\w+)\s+\1", 0, ["the the cat", "a b b"], False),
    (r"(a)?(?(1)b|c)", 0, ["ab", "c", "ac", "b"], True),
    (r"(a)?(?(1)b)", 0, ["ab", "a", "b"], False),
    (r"(<)?(\w+@\w+(?:\.\w+)+)(?(1)>|$)", 0, ["<user@host.com>", "user@host.com", "<user@host.com", "user@host.com>"], False),
    (r"(?P<q>')?\w+(?(q)')", 0, ["'abc'", "abc'", "'abc"], False),
    (r"(a)|(?(1)b|c)", 0, ["c", "b"], False),
    # lookarounds and boundaries
    ("a(?=b)", 0, ["ac", "ab"], True),
    ("a(?!b)", 0, ["ac", "ab"], True),
    ("(?<=a)b", 0, [], True),
    ("(?<!a)b", 0, ["cb"], True),
    ("(?<=(a))b", 0, [], True),
    ("(?<=ab|cd)x", 0, ["abx", "cdx", "acx"], False),
    ("(?<!ab|cd)x", 0, ["abx", "cdx", "acx", "x"], False),
    (r"(?=(a+))a*b\1", 0, ["baaabac"], False),
    (r"(?=(\w+))\1:", 0, ["abc:", "abc"], False),
    (r"(?!(a)b)\w", 0, ["ab", "ac"], False),
    (r"(?:(?!(a)b).)*", 0, ["cab", "aab"], False),
    (r"\b\w+\b", 0, ["h\u00e9llo w\u00f6rld"], True),
    (r"\bx\b", A, ["\u00e9x\u00e9 x"], False),
    (r"\Bx\B", 0, ["axb x"], True),
    (r"\b", 0, [], True),
    (r"\B", 0, [], True),
    (r"(?<=\d)(?=(\d{3})+$)", 0, ["1234567"], False),
    # lazy, greedy, possessive, atomic
    ("a*?b", 0, ["aab"], True),
    ("a+?", 0, [], True),
    ("(a+?)(b*?)", 0, ["aabb"], True),
    ("a*+a", 0, ["aaa"], True),
    ("a++", 0, [], True),
    ("a?+a", 0, [], True),
    ("(?>a+)b", 0, [], True),
    ("(?>a|ab)c", 0, ["abc", "ac"], True),
    ("(ab)*+", 0, ["ababa"], True),
    ("(?:a|b)++c", 0, ["abbac", "ab"], True),
    ("x{2,4}+", 0, ["xxxxxx", "x"], False),
    (r"(?>(a+))\1", 0, ["aaaa"], False),
    ("(?:ab|a)++b", 0, ["abb", "aab"], False),
    ("(a|ab)*+c", 0, ["abac", "aabc"], False),
    ("(?>(a)|b)+c", 0, ["abac", "bc"], False),
    ("(?:(a)|b){2}+", 0, ["ab", "ba"], False),
    ("(a*)++b", 0, ["aab", "b"], False),
    ("(?:x*)*+", 0, ["xx"], False),
    ("(?>.*)x", 0, ["abx"], False),
    ("(?>x*?)y", 0, ["xxy"], False),
    # anchors, multiline
    ("^a", 0, ["ba", "a\na"], True),
    ("a$", 0, ["a\n", "a\nb"], True),
    ("^$", 0, ["\n"], True),
    (r"^\w+$", M, ["one\ntwo\n\nthree"], True),
    (r"\Aa", 0, [], True),
    (r"a\Z", 0, ["a\n"], True),
    ("$", 0, ["\n\n"], True),
    ("$", M, ["\n\n"], True),
    ("^", 0, [], True),
    ("^", M, ["\n\n"], True),
    ("^.*$", M, ["ab\ncd\n"], False),
    ("(?m)a$|b$", 0, ["a\nb"], False),
    # empty matches
    ("", 0, [], True),
    ("|a", 0, [], True),
    ("a|", 0, [], True),
    ("(?=a)", 0, [], True),
    ("x*|y", 0, ["yxy", "xyx"], False),
    (r"\b|:+", 0, ["a:b::c"], False),
    ("(|a)*", 0, ["aa"], False),
    ("(a|)+", 0, ["aa"], False),
    ("(?:)*", 0, ["a"], False),
    (r"(\b|a)*", 0, ["aa b"], False),
    # IGNORECASE (unicode)
    ("AbC", I, ["abc xABC aBc"], True),
    ("[a-z]+", I, ["ABC def \u212a"], True),
    ("[^a-z]+", I, ["ABC 123"], True),
    ("k", I, ["K k \u212a"], False),
    ("[k]", I, ["K k \u212a"], False),
    ("\u212a", I, ["K k \u212a"], False),
    ("s", I, ["S s \u017f"], False),
    ("[st]+", I, ["S s \u017f T"], False),
    ("\u00df", I, ["\u00df \u1e9e ss"], False),
    ("\u03c3", I, ["\u03a3 \u03c3 \u03c2"], False),
    ("[\u03c3]", I, ["\u03a3 \u03c3 \u03c2"], False),
    ("[^\u03c3]", I, ["\u03a3\u03c3\u03c2x"], False),
    ("\u0130", I, ["\u0130 i I \u0131"], False),
    ("i", I, ["\u0130 i I \u0131"], False),
    ("\u01c5", I, ["\u01c4\u01c5\u01c6"], False),
    ("[\u0100-\u017f]+", I, ["\u0100\u0101\u017f \u0178"], False),
    ("[\u00e0-\u00ff]+", I, ["\u00c0\u00c9\u00ff\u0178"], False),
    (r"(a)\1", I, ["aA Aa"], False),
    (r"(\w)\1", I, ["\u00e9\u00c9 \u03c3\u03a3"], False),
    ("\U00010400", I, ["\U00010428\U00010400"], False),
    ("[\U00010400-\U0001044f]+", I, ["\U00010428\U00010400x"], False),
    ("[\U00010400-\U00010410]+", I, ["\U00010428\U00010438"], False),
    ("a(?i:b)c", 0, ["aBc ABC abC"], False),
    ("(?i)a(?-i:b)c", 0, ["ABC AbC"], False),
    ("[^A]", I, ["aAb"], False),
    ("x", I, ["X"], True),
    # ASCII IGNORECASE
    ("[a-z]+", I | A, ["ABC \u212a \u017f"], False),
    ("k", I | A, ["K \u212a"], False),
    (r"(a)\1", I | A, ["aA"], False),
    # VERBOSE and DOTALL
    (" a b # comment\n c ", X, ["abc", "a b c"], False),
    ("a.b", S, ["a\nb"], False),
    ("(?s).+", 0, ["a\nb"], False),
    (".+", 0, ["a\nb"], False),
    # unicode sets, big charsets
    ("[\u03b1-\u03c9]+", 0, ["\u03b1\u03b2\u03b3 abc \u03c9"], False),
    ("[\u4e00-\u9fff\u3040-\u309f]+", 0, ["abc\u65e5\u672c\u3042xyz"], False),
    ("[^\u0100\u0200\u0300]+", 0, ["ab\u0200cd\u0300"], False),
    ("[a-zA-Z\u00c0-\u00ff\u0400-\u04ff]+", 0, ["Stra\u00dfe \u041c\u043e\u0441\u043a\u0432\u0430!"], False),
    ("[\U0001F600-\U0001F64F]+", 0, ["hi \U0001F600\U0001F64F!"], False),
    ("[\u0100\U00010000]", 0, ["\u0100\U00010000"], False),
    ("[^\U00010000-\U0010ffff]+", 0, ["ab\U00010000c"], False),
    ("[\\w\u2000-\u200f]+", 0, ["a\u2003b c"], False),
    ("[\\D\u0663]+", 0, ["a\u0663 1"], False),
    ("[^\\d\\s]+", 0, ["ab 12 cd"], False),
    ("[\\W\\d]+", 0, ["a!1b"], False),
    ("\U0001F600+", 0, ["\U0001F600\U0001F600x"], False),
    # sub/split shapes
    (",", 0, ["a,b,,c,"], False),
    (r"\s*", 0, ["a b  c"], False),
    (r"(,)", 0, ["a,b,,c"], False),
    (r"(a)|(,)", 0, ["a,b,a"], False),
    (r"x*", 0, ["-x-xx-"], False),
    (r"(?:x|)", 0, ["axb"], False),
    (r"\b", 0, ["a b"], False),
    (r"^|$", M, ["a\nb\n"], False),
    (r"(?=b)|(?<=b)", 0, ["abcb"], False),
    # catastrophic-but-small and deep nesting
    ("(a*)*b", 0, ["aaaaaaaaaaaaaaaa"], False),
    ("(x+x+)+y", 0, ["xxxxxxxxxxxx"], False),
    ("((((a|b)*)*)*)c", 0, ["ababababc", "abab"], False),
    ("(?:a(?:b(?:c(?:d)?)?)?)+", 0, ["abcdabcaba"], False),
    ("(a(b(c)?)?)+?d", 0, ["abcabad"], False),
]

BYTES_GENERAL = [b"", b"a", b"abc", b"ABC", b"hello world", b"a\nb\n", b"x\x80\xff y", b"\xe9t\xe9", b"12 ab"]

BYTES_PATTERNS = [
    (b"abc", 0, [b"xabcabc"], True),
    (b"[a-z]+", 0, [], True),
    (rb"\w+", 0, [b"\xe9t\xe9 a_1"], True),
    (rb"\W+", 0, [], True),
    (rb"\d+", 0, [], True),
    (rb"\s+", 0, [b"a\x1cb\x85c"], True),
    (b"abc", I, [b"aBc"], True),
    (b"[a-z]+", I, [b"ABC\xc9"], True),
    (rb"(a)\1", I, [b"aA"], False),
    (rb"\w+", L, [b"\xe9t\xe9 ab"], True),
    (b"[a-z]+", I | L, [b"ABC\xc9"], True),
    (b"ab", I | L, [b"AB aB"], False),
    (b"[^ab]+", I | L, [b"ABCab"], False),
    (rb"(a)\1", I | L, [b"aA"], False),
    (rb"\bab\b", L, [b"ab \xe9ab"], False),
    (b"\x80+", 0, [b"\x80\x80a"], False),
    (b"[\x00-\x7f]+", 0, [b"ab\x80cd"], False),
    (b"[^\x80-\xff]+", 0, [b"ab\x80cd"], False),
    (b"^.*$", M, [b"ab\ncd\n"], False),
    (rb"\bx", 0, [], True),
    (b"a*?b|c", 0, [b"aabc"], True),
    (b"(?=a)|b", 0, [b"ab"], False),
]

# Long subjects: (pattern, flags, unit, repeat, operations). The subject is
# unit * repeat; the Swift test builds it the same way.
LARGE = [
    ("(a|b)*", 0, "ab", 500000, ["match", "search"]),
    ("(?:a|bc)*$", 0, "abc", 100000, ["match"]),
    ("(a|b)*?c", 0, "ab", 50000, ["match"]),
    ("((a)|b)+c", 0, "ab", 100000, ["match"]),
    (".*?x", 0, "a", 200000, ["match"]),
    ("(?:a+|b)+b", 0, "ab", 50000, ["fullmatch"]),
    ("(?>(a|b)*)c", 0, "ab", 100000, ["match"]),
    ("(?:(a)|b)*+c", 0, "ab", 100000, ["match"]),
    ("x", 0, "abcdefgh", 100000, ["search"]),
    ("(ab)*", 0, "ab", 100000, ["fullmatch"]),
]


def encode_text(s):
    if isinstance(s, bytes):
        return s.decode("latin-1")
    return s


def encode_value(v):
    if v is None:
        return None
    if isinstance(v, (str, bytes)):
        return encode_text(v)
    if isinstance(v, tuple):
        return [encode_value(x) for x in v]
    raise TypeError(v)


def result(m, groups):
    if m is None:
        return None
    flat = []
    for g in range(groups + 1):
        flat.extend(m.span(g))
    flat.append(-1 if m.lastindex is None else m.lastindex)
    return flat


def compile_case(pattern, flags):
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    compiled = re.compile(pattern, flags)
    assert compiled.groups == parsed.state.groups - 1
    return code, parsed.state.groups - 1, compiled


def subject_cases(compiled, groups, subjects):
    """The results for each subject. To keep the data small, the rarer
    variants (more pos/endpos pairs, finditer from a position, split with
    maxsplit, subn with a count) are recorded for some subjects only."""
    cases = []
    for index, text in enumerate(subjects):
        every_other = index % 2 == 0
        every_fourth = index % 4 == 0
        n = len(text)
        case = {
            "text": encode_text(text),
            "match": result(compiled.match(text), groups),
            "fullmatch": result(compiled.fullmatch(text), groups),
            "search": result(compiled.search(text), groups),
            "bounded": [],
            "finditer": [result(m, groups) for m in compiled.finditer(text)],
            "findall": [encode_value(v) for v in compiled.findall(text)],
            "split": [encode_value(v) for v in compiled.split(text)],
        }
        wrap = (lambda m: b"<" + m.group() + b">") if isinstance(text, bytes) else (lambda m: "<" + m.group() + ">")
        case["sub"] = encode_text(compiled.sub(wrap, text))
        if every_other:
            replaced, count = compiled.subn(wrap, text, 1)
            case["subn1"] = [encode_text(replaced), count]
        else:
            case["split1"] = [encode_value(v) for v in compiled.split(text, 1)]
        bounds = {(1, n), (0, max(n - 1, 0))}
        if every_fourth:
            bounds |= {(n, n), (2, 1), (-5, n + 5), (1, max(n - 1, 0))}
        for pos, endpos in sorted(bounds):
            case["bounded"].append([pos, endpos,
                                    result(compiled.match(text, pos, endpos), groups),
                                    result(compiled.search(text, pos, endpos), groups),
                                    result(compiled.fullmatch(text, pos, endpos), groups)])
        if index % 4 == 1:
            scanner = compiled.scanner(text)
            case["scanner_match"] = [result(m, groups) for m in iter(scanner.match, None)]
        if n and index % 4 == 3:
            case["finditer_pos"] = [1, [result(m, groups) for m in compiled.finditer(text, 1)]]
        cases.append(case)
    return cases


def pattern_entry(pattern, flags, subjects):
    code, groups, compiled = compile_case(pattern, flags)
    return {
        "source": repr(pattern),
        "flags": compiled.flags,
        "bytes": isinstance(pattern, bytes),
        "code": code,
        "groups": groups,
        "cases": subject_cases(compiled, groups, subjects),
    }


def unicode_tables():
    """_sre.unicode_tolower and unicode_iscased for every code point.
    tolower is a list of runs [first, last, step, delta]: the code points
    first, first+step, ... last lower to themselves plus delta (every other
    code point lowers to itself); iscased is a list of ranges [first, last]."""
    import _sre
    pairs = []
    cased = []
    start = None
    for cp in range(0x110000):
        lo = _sre.unicode_tolower(cp)
        if lo != cp:
            pairs.append((cp, lo - cp))
        c = _sre.unicode_iscased(cp)
        if c and start is None:
            start = cp
        elif not c and start is not None:
            cased.append([start, cp - 1])
            start = None
    assert unicodedata.unidata_version == "14.0.0"
    lower = []
    for cp, delta in pairs:
        if lower:
            first, last, step, d = lower[-1]
            if d == delta and (cp - last == step or (first == last and cp - last in (1, 2))):
                lower[-1] = [first, cp, cp - last, d]
                continue
        lower.append([cp, cp, 1, delta])
    return {"tolower": lower, "iscased": cased}


def large_entries():
    out = []
    for pattern, flags, unit, repeat, operations in LARGE:
        code, groups, compiled = compile_case(pattern, flags)
        text = unit * repeat
        results = {op: result(getattr(compiled, op)(text), groups) for op in operations}
        out.append({"source": repr(pattern), "code": code, "groups": groups,
                    "unit": unit, "repeat": repeat, "results": results})
    return out


def main_committed():
    entries = []
    for pattern, flags, extra, general in PATTERNS:
        subjects = list(extra) + (GENERAL if general else [])
        entries.append(pattern_entry(pattern, flags, subjects))
    for pattern, flags, extra, general in BYTES_PATTERNS:
        subjects = list(extra) + (BYTES_GENERAL if general else [])
        entries.append(pattern_entry(pattern, flags, subjects))
    data = {"patterns": entries, "unicode": unicode_tables(), "large": large_entries()}
    document = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    assert '"#' not in document
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("// Generated by scripts/gen_regex_cases.py from CPython 3.11. Do not edit.\n\n")
        f.write('let regexCaseData = #"""\n')
        f.write(document)
        f.write('\n"""#\n')
    cases = sum(len(e["cases"]) for e in entries)
    print(f"{len(entries)} patterns, {cases} subjects, {os.path.getsize(OUT)} bytes -> {os.path.normpath(OUT)}")


def main_re_tests(out):
    """Patterns and subjects of the installed CPython's Lib/test/re_tests.py
    (read at run time, never copied into the repository)."""
    import importlib.util
    path = os.path.join(os.path.dirname(re.__file__), "..", "test", "re_tests.py")
    spec = importlib.util.spec_from_file_location("re_tests", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    entries = []
    seen = {}
    for t in module.tests:
        pattern, subject = t[0], t[1]
        try:
            entry = pattern_entry(pattern, 0, [subject])
        except (re.error, RecursionError, OverflowError, ValueError):
            continue
        if "\ud800" <= min(subject, default="a") or any(0xD800 <= ord(c) <= 0xDFFF for c in subject):
            continue
        entries.append(entry)
        for p, s in ((pattern.encode("latin-1", "ignore") if isinstance(pattern, str) else None, subject),):
            pass
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"patterns": entries, "unicode": {"tolower": [], "iscased": []}, "large": []}, f,
                  ensure_ascii=False, separators=(",", ":"))
    print(f"{len(entries)} patterns -> {out}")


BENCH_PATTERNS = [
    ("Holmes", 0),
    ("Sherlock Holmes", 0),
    ("(?i)holmes", 0),
    (r"[A-Z][a-z]+ [A-Z][a-z]+", 0),
    (r"\b\w+ing\b", 0),
    (r"\d{3}-\d{4}", 0),
    (r"[aeiou]{3,}", 0),
    (r"(\w+)\s+\1", 0),
    (r"Holmes|Watson|Lestrade", 0),
    (r"^.*Watson.*$", re.M),
    (r"(?:a|b|c|d)+x", 0),
    (r"\s+", 0),
]


def bench_subject():
    """About 1 MB of text: words in sentences, with names, numbers and
    repeated words here and there (a fixed pseudo-random sequence)."""
    import random
    rng = random.Random(1911)
    words = ("the of and a to in was he that it his her you as had with for she not at but be my on have him "
             "is said all so by one which they this from were there what been when would an their no more "
             "morning evening looking thinking nothing something window street door house letter paper "
             "Sherlock Holmes Watson Lestrade London Baker Street Mrs Hudson inspector doctor").split()
    out = []
    size = 0
    while size < 1_000_000:
        sentence = [rng.choice(words) for _ in range(rng.randint(5, 15))]
        if rng.random() < 0.05:
            sentence.append("%03d-%04d" % (rng.randint(0, 999), rng.randint(0, 9999)))
        if rng.random() < 0.05:
            w = rng.choice(words)
            sentence += [w, w]
        text = " ".join(sentence)
        text = text[0].upper() + text[1:] + (".\n" if rng.random() < 0.2 else ". ")
        out.append(text)
        size += len(text)
    return "".join(out)[:1_000_000]


def main_bench(out):
    import time
    subject = bench_subject()
    entries = []
    for pattern, flags in BENCH_PATTERNS:
        code, groups, compiled = compile_case(pattern, flags)
        # CPU time, best of several runs: the machine is shared, and wall
        # time there says more about the neighbours than about the engine.
        best_iter = best_all = float("inf")
        for _ in range(7):
            t = time.process_time()
            count = sum(1 for _ in compiled.finditer(subject))
            best_iter = min(best_iter, time.process_time() - t)
            t = time.process_time()
            compiled.findall(subject)
            best_all = min(best_all, time.process_time() - t)
        entries.append({"source": repr(pattern), "code": code, "groups": groups, "count": count,
                        "finditer_seconds": best_iter, "findall_seconds": best_all})
        print(f"{pattern!r:40} {count:7} matches  finditer {best_iter * 1000:8.2f} ms  findall {best_all * 1000:8.2f} ms")
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"subject": subject, "patterns": entries}, f)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--re-tests":
        main_re_tests(sys.argv[2])
    elif len(sys.argv) == 3 and sys.argv[1] == "--bench":
        main_bench(sys.argv[2])
    else:
        main_committed()
