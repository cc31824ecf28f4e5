#!/usr/bin/env python3
"""Generates the expected results of Garter's str semantics from CPython 3.11.

Writes, under Tests/GarterRuntimeTests/:
  TextCaseData.swift      one case per line: a method, its arguments and what
                          CPython returns or raises (see the format below)
  TextUnicodeDigests.swift per-plane digests of every code point's properties
                          (category, is* predicates, numeric values, names,
                          case mappings), so the tests check the generated
                          Unicode tables against `unicodedata` for ALL code points
                          without running Python.

Case line format: fields separated by tabs: the method, the arguments, "=>",
and the expected value. Values:
  "..."   a str: printable ASCII (and space) except \\ and " as is, anything else \\u{hex}
  123     an int;  f1.5  a float;  N  None;  T / F  booleans
  x0aff   bytes, in hex ("x" alone is b"")
  [a,b]   a list (a tuple for %-formatting);  {k:v,...}  a dict
  !Type:"message"  the exception CPython raises
Run: python3 scripts/gen_text_cases.py
"""
import _string
import codecs
import os
import random
import struct
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTS = os.path.join(ROOT, "Tests/GarterRuntimeTests")

# --------------------------------------------------------------------------
# Value encoding


def enc_str(s):
    out = ['"']
    for c in s:
        o = ord(c)
        if 0x20 <= o < 0x7F and c not in '\\"':
            out.append(c)
        else:
            out.append("\\u{%x}" % o)
    out.append('"')
    return "".join(out)


def enc(v):
    if v is None:
        return "N"
    if v is True:
        return "T"
    if v is False:
        return "F"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return "f" + repr(v)
    if isinstance(v, str):
        return enc_str(v)
    if isinstance(v, (bytes, bytearray)):
        return "x" + bytes(v).hex()
    if isinstance(v, (list, tuple)):
        return "[" + ",".join(enc(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ",".join(enc(k) + ":" + enc(x) for k, x in v.items()) + "}"
    raise TypeError(repr(v))


def enc_error(e):
    return "!" + type(e).__name__ + ":" + enc_str(str(e))


LINES = []


def case(method, args, fn):
    try:
        result = enc(fn())
    except Exception as e:  # noqa: BLE001 - every exception is an expected outcome
        result = enc_error(e)
    LINES.append("\t".join([method] + [enc(a) for a in args] + ["=>", result]))


# --------------------------------------------------------------------------
# Inputs

WORDS = [
    "", "a", "A", "abc", "ABC", "Hello World", "hello world", "  hello  world  ", "HeLLo wORLD",
    "ß", "straße", "STRASSE", "İstanbul", "i\u0307", "ΣΑΣ", "ΑΣ", "ΑΣ.", "ΑΣ\u0345", "a\u0300Σ", "Σa",
    "ΑΣ'Σ", "a'Σ'b", "ὈΔΥΣΣΕΎΣ", "ﬁnancial", "ﬃ", "ǅemal", "ǆ", "Ǆ", "ŉ", "ǰ", "ΐ", "\u1f80",
    "\u1fb3", "\u1fbc", "ﬀ", "ꭰ", "\U000104b0\U000104d8", "\U00010428\U00010400", "𝐀𝐁𝐂",
    "they're bill's friends", "hello_world", "1st place", "a1b2", "٣٤", "½", "Ⅻ", "²³", "µ",
    "\u2160\u2170", "ǈ", "\u24b6\u24d0", "\u0345", "\u00aa\u00ba", "\u02b0", "a\ud800b", "\udcff",
    "\ud83d\ude00", "\U0001F600 smile", "\t\n x \x0b\x0c\r", "\x1c\x1d\x1e\x1f\x85",
    "\xa0\u1680\u2000\u200b\u2028\u2029\u3000", "a\u180eb", "abc123", "123", "１２３", "x²",
    "_x", "x_", "1a", "a1", "é", "e\u0301", "\u0301e", "℮", "ℵ", "\u2118", "\u212e", "\u309b",
    "\u00b7", "a\u00b7", "\u0387", "a\u0387", "\U0001d7ce", "\u0660", "\u0f33", "\u2189",
    "\U00011fd0", "\U0001ecb4", "\U0002f800", "\U000e0001", "\U000f0000", "\u0378", "\ue000",
    "\U0001f1e6\U0001f1e8", "Ⓐⓑ", "ǲ ǳ", "ǅǅ", "aǅ", "Aǅ", "ǅa", "ǅA", "A B", "a B", "A b",
    "Abc Def", "Abc dEf", "123 Abc", "ÀÉÎ", "àéî", "\u10a0\u2d00", "\u13a0\uab70", "\u1c90",
    "ʼn", "\u0149", "\u01f0", "\u1e96", "\ufb05", "\ufb06", "\u0587", "\ufb13", "\u0390", "\u1fd3",
    "\u1e9e", "\u212a", "\u2126", "\u017f", "\u03c2", "\u0345\u0399", "\U0001e900\U0001e922",
]

SEARCH_TEXTS = [
    "", "a", "abc", "abcabcabc", "aaaaa", "ababababab", "hello world", "mississippi",
    "αβγαβγ", "x\U0001F600y\U0001F600z", "a\ud800b\ud800", "abc\u0000abc", "ǅemal ǅemal",
]
NEEDLES = ["", "a", "abc", "bc", "aa", "aba", "z", "ss", "ssi", "issi", "β", "γα", "\U0001F600",
           "\ud800", "\u0000a", "abcabcabcabc", "world"]
SLICES = [(None, None), (0, None), (1, None), (-1, None), (-3, None), (None, -1), (2, 5),
          (5, 2), (-100, 100), (100, None), (3, 3), (None, 0), (0, -100)]


def add_case_methods():
    # Single characters are covered for every code point by the digests,
    # except capitalize.
    for w in WORDS:
        methods = ("lower", "upper", "casefold", "capitalize", "title", "swapcase") if len(w) != 1 else ("capitalize",)
        for m in methods:
            case(m, [w], lambda w=w, m=m: getattr(w, m)())
        if len(w) == 1:
            continue
        for m in ("isalpha", "isalnum", "isdecimal", "isdigit", "isnumeric", "isspace", "islower",
                  "isupper", "istitle", "isidentifier", "isprintable", "isascii"):
            case(m, [w], lambda w=w, m=m: getattr(w, m)())


def add_strip_split():
    texts = ["", "  ", " a ", "\t\n a b \x0b\x0c", "xxhixx", "\u3000a\u2028", "a,b,,c",
             ",a,", "  a  b  ", "a\x1cb\x1dc\x1ed\x1fe\x85f", "a\xa0b\u2000c",
             "ab\ud800ab", "a\U0001F600a", "1,2,3,4,5", "::a::b::"]
    charsets = [None, "", "ax", " a", "\ud800α", "\U0001F600xyz"]
    for t in texts:
        for chars in charsets:
            for m in ("strip", "lstrip", "rstrip"):
                case(m, [t, chars], lambda t=t, c=chars, m=m: getattr(t, m)(c))
    for t in texts:
        for sep in (None, ",", "a", "::", "\ud800", ""):
            for maxsplit in ((-1, 0, 1, 2) if sep in (None, ",") else (-1, 1)):
                for m in ("split", "rsplit"):
                    case(m, [t, sep, maxsplit], lambda t=t, s=sep, n=maxsplit, m=m: getattr(t, m)(s, n))
    lines = ["", "a", "a\n", "\n", "\n\n", "a\nb", "a\r\nb", "a\rb", "a\r\n\r\nb", "\r", "\r\n",
             "a\x0bb\x0cc\x1cd\x1de\x1ef\x85g\u2028h\u2029i", "a\x1fb", "no newline at end\r",
             "\n\r\n\r", "x\u0085", "\U0001F600\n\U0001F600"]
    for t in lines:
        for keep in (False, True):
            case("splitlines", [t, keep], lambda t=t, k=keep: t.splitlines(k))


def add_search():
    for t in SEARCH_TEXTS:
        for n in NEEDLES:
            for m in ("find", "rfind", "count", "index", "rindex", "startswith", "endswith")[:(7 if len(n) < 2 else 3)]:
                case(m, [t, n, None, None], lambda t=t, n=n, m=m: getattr(t, m)(n))
    for t in ["", "abcabcabc", "x\U0001F600y\U0001F600z"]:
        for n in ["", "a", "bc", "\U0001F600"]:
            for start, end in SLICES:
                for m in ("find", "rfind", "count", "startswith", "endswith"):
                    case(m, [t, n, start, end], lambda t=t, n=n, s=start, e=end, m=m: getattr(t, m)(n, s, e))
    rng = random.Random(1234)
    for _ in range(60):
        alphabet = rng.choice(["ab", "abc", "a\u03b1", "a\U0001F600", "abcd"])
        t = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        n = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 6)))
        for m in ("find", "rfind", "count"):
            case(m, [t, n, None, None], lambda t=t, n=n, m=m: getattr(t, m)(n))
        case("replace", [t, n, "\u00e9", -1], lambda t=t, n=n: t.replace(n, "\u00e9"))
        case("split", [t, n, -1], lambda t=t, n=n: t.split(n))
        case("rsplit", [t, n, 2], lambda t=t, n=n: t.rsplit(n, 2))


def add_replace_partition():
    texts = ["", "abc", "aaa", "a\ud800a", "mississippi", "\U0001F600x\U0001F600"]
    olds = ["", "a", "aa", "ss", "\ud800", "\U0001F600", "zz"]
    news = ["", "-", "XY\U0001F601"]
    for t in texts:
        for o in olds:
            for n in news:
                for count in ((-1, 0, 2) if o in ("", "a") else (-1, 1)):
                    case("replace", [t, o, n, count], lambda t=t, o=o, n=n, c=count: t.replace(o, n, c))
    for t in texts + ["a.b.c", "...", "no sep"]:
        for sep in ["", ".", "a", "ss", "\U0001F600", "abc", "zz"]:
            for m in ("partition", "rpartition"):
                case(m, [t, sep], lambda t=t, s=sep, m=m: list(getattr(t, m)(s)))


def add_padding():
    texts = ["", "a", "ab", "abc", "αβ", "\U0001F600", "-42", "+7", "42", "-", "+", "a-1", "\ud800"]
    for t in texts:
        for width in (-1, 0, 2, 3, 4, 5, 6, 7):
            case("center", [t, width, "*"], lambda t=t, w=width: t.center(w, "*"))
            case("zfill", [t, width], lambda t=t, w=width: t.zfill(w))
        for width in (2, 5):
            case("ljust", [t, width, " "], lambda t=t, w=width: t.ljust(w))
            case("rjust", [t, width, "\U0001F600"], lambda t=t, w=width: t.rjust(w, "\U0001F600"))
    for fill in ("", "ab", "\ud800\udc00"):
        for m in ("center", "ljust", "rjust"):
            case(m, ["abc", 10, fill], lambda f=fill, m=m: getattr("abc", m)(10, f))


def add_misc():
    tabs = ["", "\t", "a\tb", "ab\tc\td", "\t\t", "abcdefgh\ti", "a\nb\tc", "a\r\tb", "αβ\tγ",
            "\U0001F600\tx", "12345678\t", "a\t\nb\t"]
    for t in tabs:
        for size in (8, 4, 1, 0, -1, 3):
            case("expandtabs", [t, size], lambda t=t, s=size: t.expandtabs(s))
    case("expandtabs", ["a\t\tb", 2**62], lambda: "a\t\tb".expandtabs(2**62))
    for t in ["", "abc", "abcabc", "\U0001F600ab", "a\ud800"]:
        for p in ["", "a", "ab", "abc", "abcd", "bc", "c", "\U0001F600", "\ud800"]:
            case("removeprefix", [t, p], lambda t=t, p=p: t.removeprefix(p))
            case("removesuffix", [t, p], lambda t=t, p=p: t.removesuffix(p))
    for sep in ["", ",", ", ", "\U0001F600", "\ud800"]:
        for items in ([], ["a"], ["a", "b"], ["", ""], ["α", "\U0001F600", "\udcff"]):
            case("join", [sep, items], lambda s=sep, i=items: s.join(i))
    for frm, to, delete in [("abc", "xyz", None), ("abc", "xyz", "d"), ("ab", "xyz", None),
                            ("a\U0001F600", "\ud800b", "c"), ("", "", "aeiou"), ("aa", "xy", None)]:
        for t in ["", "abcd", "aaa", "\U0001F600 dance", "education", "bcd"]:
            def run(t=t, f=frm, o=to, d=delete):
                table = str.maketrans(f, o, d) if d is not None else str.maketrans(f, o)
                return t.translate(table)
            case("maketrans_translate", [t, frm, to, delete], run)


def add_format_spec():
    specs = ["", ">10", "<5", "^7", "^6", "*^7", "\U0001F600>5", "05", "010", ".2", "10.2", ".0", "+",
             "-", " ", "z", "#", "=5", "x", "d", ",", "_", ",_", "_,", ".", "10.2s", "s", "\x01",
             "é", "ab", "99999999999999999999", ".99999999999999999999", "z5", "0=5", "x<", "\u0661\u0662",
             ",s", "_s", "_d", "{<5", "}>5", ">>5", "<<", "<", "3", ".10", "0", "00", "5\x7f", "#s",
             "^", ">0", "0>5", "\ud800^5", "\u0660\u0661.\u0662", ".5%"]
    for t in ["abc", "", "αβγδε", "\U0001F600\U0001F601"]:
        for spec in specs:
            case("format", [t, spec], lambda t=t, s=spec: format(t, s))


class Attr:
    pass


def add_str_format():
    positional = ["abc", 42, ["x", "y", "z"], {"k": "v", "0": "zero"}, "\U0001F600", ""]
    keywords = {"name": "World", "n": 7, "d": {"a": "A", "1": "one"}, "l": ["p", "q"], "w": 8, "sp": ">6"}
    formats = [
        "", "plain", "{}", "{} {}", "{0} {1} {0}", "{0}{1}{2}{3}{4}{5}", "{6}", "{name}", "Hello, {name}!",
        "{missing}", "{0[1]}", "{2[1]}", "{2[5]}", "{d[a]}", "{d[1]}", "{3[k]}", "{3[0]}", "{l[0]}{l[1]}",
        "{{}}", "{{{0}}}", "}}{{", "{", "}", "a}b", "a{b", "{0", "{0:", "{0!", "{0!r", "{0!x}", "{0!r}",
        "{0!s}", "{0!a}", "{4!a}", "{4!r}", "{0!rx}", "{0:>10}", "{0:{w}}", "{0:{sp}}", "{0:>{w}}", "{0.x.y}",
        "{0:{1}}", "{:{}}", "{0:{1}{2}}", "{0:{{}}}", "{0:{w:{w}}}", "{0:{w:{w:{w}}}}", "{} {1}",
        "{1} {}", "{name} {}", "{} {name}", "{0.}", "{0[}", "{0[]}", "{0]}", "{0.foo}", "{2[x]}", "{1[0]}",
        "{0[0]x}", "{!r}", "{:}", "{:10}", "{0:^9}|", "{0:.2}", "{0:=5}", "{0:+}", "{1}", "{1:}", "{0[0]}",
        "{\u0661}", "{99999999999999999999}", "{0:\U0001F600^9}", "{0!s:{w}}", "{0!}", "{:{:{}}}",
        "{0:}}", "x{0:{{}}}y", "{a[}]}", "{name:{{}}}",
    ]
    for f in formats:
        case("sformat", [f, positional, keywords], lambda f=f: f.format(*positional, **keywords))
    case("sformat", ["{0} {1}", ["\ud800", "x\U0001F600"], {}], lambda: "{0} {1}".format("\ud800", "x\U0001F600"))
    for f in ["{name}", "{0}", "{}", "{d[a]}", "{name!r:>{w}}", "{l[1]}"]:
        case("sformat_map", [f, keywords], lambda f=f: f.format_map(keywords))
    for f in formats + ["a{{b", "{0!r:>{1}}", "{!}", "{a[}", "{0!rx}", "{}}", "{0[}", "{0.}", "{0:}}"]:
        case("fparse", [f], lambda f=f: [list(t) for t in _string.formatter_parser(f)])
    for n in ["a.b[0][x].c", "", "0", "12.x", "a[", "a[]", "a.", "a]", "a[0]x", "\u0661", "99999999999999999999",
              "a[99999999999999999999]", "x[\U0001F600].\U0001F601", "0.a.b", "a[[]", "a[.]"]:
        def split(n=n):
            first, rest = _string.formatter_field_name_split(n)
            return [first, [list(t) for t in rest]]
        case("fsplit", [n], split)


def add_percent():
    cases = [
        ("%s", "x"), ("%s", ["x"]), ("%s %s", ["a", "b"]), ("%s", [["a"]]), ("%%", []), ("%%%s%%", "x"),
        ("%q", []), ("%q", 1), ("abc%", []), ("%5%", []), ("%5%", 1), ("%", 1), ("%(a", {"a": 1}),
        ("%(a)", {"a": 1}), ("%(a)s", [1]), ("%s", {"a": 1}), ("%s %s", {"a": 1}), ("%(a)s %s", {"a": 1}),
        ("%(a)s", {"a": "A"}), ("%(a)s-%(b)r", {"a": "A", "b": "B"}), ("%(missing)s", {"a": 1}),
        ("%((a))s", {"(a)": 5}), ("%(a)(b)s", {"a(b": 1}), ("%*d", [5, 3]), ("%*d", ["x", 3]),
        ("%-*d|", [-5, 3]), ("%.*s", [2, "abcdef"]), ("%.*s", [-2, "abc"]), ("%*.*s|", [6, 2, "abcdef"]),
        ("%ld %hi %Lf", [1, 2, 3.0]), ("%l", [1]), ("%#x %#o %#X", [255, 8, 255]),
        ("%05d|%-05d|%+05d|% 05d", [-3, -3, 3, 3]), ("%#08x|%#-8x|%+#8X", [255, 255, 255]),
        ("%10.3s|", "abcdef"), ("%-10s|", "ab"), ("%c%c", ["a", 0x1F600]), ("%c", 0x110000), ("%c", "ab"),
        ("%c", -1), ("%5c|%-3c|", ["x", 0x3b1]), ("%s", []), ("%s", [[]]), ("%d", "3"), ("%x", 3.5),
        ("%.3d|%5.3x", [7, 255]), ("%é", 1), ("%\x01", 1), ("%\u20ac", 1), ("%(x)é", {"x": 1}),
        ("%s%", "a"), ("%-+ #0d", 5), ("%i %u", [3, 4]), ("%r %a", ["abc", "abc"]),
        ("%99999999999999999999d", 1), ("%.99999999999d", 1), ("%0*d", [5, -42]), ("%*s", [3]),
        ("% d % d", [3, -3]), ("%d %d", [1]), ("%d", [1, 2]), ("%s", 5), ("%d%%", 50), ("%.2f", 3.14159),
        ("%8.3f|%-8.2e|%+g", [3.14159, 1234.5, 0.5]), ("%010.2f", -2.5), ("%#.0f", 2.0), ("%E", 1e10),
        ("%s \U0001F600 %s", ["\ud800", "é"]), ("%.1s", "\U0001F600x"), ("%3s|", "\U0001F600"),
        ("%(a)s %(a)s", {"a": "x"}), ("%(a)*d", {"a": 5}), ("%o %X", [-8, -255]), ("%#o", 0),
        ("%+s", "x"), ("%05s", "x"), ("% x", 255), ("%+x", 255), ("%c", "\ud800"), ("%s", "\x00"),
        ("no args", []), ("no args", 5), ("%s %s %s", ["a", "b"]), ("%-05x|", 26), ("%#5x|", 0),
    ]
    for fmt, args in cases:
        def run(fmt=fmt, args=args):
            if isinstance(args, list):
                return fmt % tuple(args)
            return fmt % args
        case("percent", [fmt, args], run)


def add_codecs():
    texts = ["", "abc", "é", "\u20ac", "\U0001F600", "a\ud800b", "\udc80\udcff", "\ud800\udc00", "é€😀",
             "a\udc80\ud800\udcffb", "\x00\x7f\x80\xff", "\ud7ff\ue000\uffff\U0010ffff", "\udfff", "ab\ud800"]
    encodings = ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be",
                 "latin-1", "ascii"]
    handlers = ["strict", "ignore", "replace", "surrogateescape", "surrogatepass", "backslashreplace",
                "xmlcharrefreplace", "namereplace", "test.euro", "test.xy", "test.skip", "unknownhandler"]
    for t in texts:
        for e in encodings:
            for h in (handlers if any(ord(c) > 0x7F for c in t) else ["strict"]):
                if e not in ("utf-8", "ascii") and h not in ("strict", "surrogatepass", "test.xy", "replace"):
                    continue
                case("encode", [t, e, h], lambda t=t, e=e, h=h: t.encode(e, h))
    utf8_data = [b"", b"abc", b"\xff", b"\xe2\x82", b"\xe2\x82A", b"\xed\xa0\x80", b"\xed\xb2\x80\xed\xa0\x80",
                 b"\xf0\x90\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf", b"\xe0\x80\xaf", b"\x80\x80", b"\xc3\xa9",
                 b"\xe2\x82\xac", b"\xf0\x9f\x98\x80", b"a\xffb\xfe", b"\xf8\x88\x80\x80\x80", b"\xc2",
                 b"\xc2A", b"\x80abc\xff"]
    wide_data = [b"A", b"A\x00B", b"\x00\xd8", b"\x00\xd8A", b"\x00\xd8A\x00", b"\x00\xdcA\x00",
                 b"\x00\xd8\x00\xd8\x00\xdc", b"\xff\xfeA\x00", b"\xfe\xff\x00A",
                 b"\xff\xfe\x00\x00A\x00\x00\x00", b"\x00\x00\xfe\xff\x00\x00\x00A", b"\x00\x00\x11\x00",
                 b"\x00\xd8\x00\x00", b"A\x00\x00", b"A\x00\x00\x00B", b"\xff\xfeA\x00\xff\xfe",
                 b"\x3d\xd8\x00\xde", b"\xd8\x3d\xde\x00", b"\x00\xd8\x00\xdc\x00\x00", b"\xff\xdc"]
    dhandlers = ["strict", "ignore", "replace", "surrogateescape", "surrogatepass", "backslashreplace",
                 "xmlcharrefreplace", "test.euro", "test.skip", "unknownhandler"]
    for d in utf8_data:
        for e in ("utf-8", "ascii", "latin-1"):
            for h in (dhandlers if e == "utf-8" else ["strict", "replace", "surrogateescape", "test.skip"]):
                case("decode", [d, e, h], lambda d=d, e=e, h=h: d.decode(e, h))
    for d in wide_data + utf8_data[:6]:
        for e in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"):
            handlers = (["strict", "replace", "surrogatepass", "backslashreplace", "surrogateescape"]
                        if e.endswith("le") else ["strict", "surrogatepass"] if e.endswith("be") else ["strict"])
            for h in handlers:
                case("decode", [d, e, h], lambda d=d, e=e, h=h: d.decode(e, h))
    for d in wide_data[:10] + utf8_data[:8]:
        case("utf_8_decode", [d, "strict", False], lambda d=d: list(codecs.utf_8_decode(d, "strict", False)))
        case("utf_16_ex_decode", [d, "strict", 0, False],
             lambda d=d: list(codecs.utf_16_ex_decode(d, "strict", 0, False)))
        case("utf_16_ex_decode", [d, "replace", 1, True],
             lambda d=d: list(codecs.utf_16_ex_decode(d, "replace", 1, True)))
        case("utf_32_ex_decode", [d, "strict", 0, False],
             lambda d=d: list(codecs.utf_32_ex_decode(d, "strict", 0, False)))
    for d in [b"ab\xed\xa0", b"ab\xed\x80", b"\xf0\x90", b"\xf0\x80", b"\xe0", b"\xe0\x9f", b"\xe0\xa0",
              b"\xf4\x8f\xbf", b"\xf4\x90"]:
        case("utf_8_decode", [d, "strict", False], lambda d=d: list(codecs.utf_8_decode(d, "strict", False)))
    # (test.back resumes 2 before the end: inputs chosen so that it moves on.)
    for h in ("test.far", "test.back"):
        for d in (b"\xffab", b"\xff\xfeabc"):
            case("decode", [d, "utf-8", h], lambda d=d, h=h: d.decode("utf-8", h))
        for t in ("\xe9ab", "ab\ud800cd"):
            for e in ("utf-8", "latin-1", "ascii", "utf-16-le"):
                case("encode", [t, e, h], lambda t=t, e=e, h=h: t.encode(e, h))
    for name in ["UTF8", "utf_8", "U8", "Latin-1", "ISO-8859-1", "iso8859_1", "L1", "US-ASCII", "646",
                 "UTF-16LE", "utf_16_be", "U32", "utf-32le", "  utf--8  ", "unicodelittleunmarked"]:
        case("encode", ["\u20ac\ud800", name, "backslashreplace"],
             lambda n=name: "\u20ac\ud800".encode(n, "backslashreplace"))


def register_test_handlers():
    codecs.register_error("test.euro", lambda e: ("\u20ac", e.end))
    codecs.register_error("test.xy", lambda e: (b"XY", e.end) if isinstance(e, UnicodeEncodeError)
                          else ("XY", e.end))
    codecs.register_error("test.skip", lambda e: ("<%d>" % e.start, e.start + 1))
    codecs.register_error("test.far", lambda e: ("", 100))
    codecs.register_error("test.back", lambda e: ("X", -2))


# --------------------------------------------------------------------------
# Per-plane digests of every code point's properties

CATEGORIES = ("Cn Lu Ll Lt Lm Lo Mn Mc Me Nd Nl No Pc Pd Ps Pe Pi Pf Po "
              "Sm Sc Sk So Zs Zl Zp Cc Cf Cs Co").split()

MASK = (1 << 64) - 1
PRIME = 0x100000001B3
OFFSET = 0xCBF29CE484222325


def fnv(h, value):
    return ((h ^ (value & MASK)) * PRIME) & MASK


def fnv_text(h, text):
    for c in text:
        h = fnv(h, ord(c))
    return fnv(h, 0xFFFFFFFF)


def final_sigma(text):
    return 1 if text.lower()[-1] == "\u03c2" else 0


PROPERTIES = [
    ("category", lambda c: CATEGORIES.index(unicodedata.category(c)), "int"),
    ("isalpha", str.isalpha, "int"), ("isalnum", str.isalnum, "int"), ("isdecimal", str.isdecimal, "int"),
    ("isdigit", str.isdigit, "int"), ("isnumeric", str.isnumeric, "int"), ("isspace", str.isspace, "int"),
    ("islower", str.islower, "int"), ("isupper", str.isupper, "int"), ("istitle", str.istitle, "int"),
    ("isidentifier", str.isidentifier, "int"), ("isprintable", str.isprintable, "int"),
    ("xidContinue", lambda c: ("a" + c).isidentifier(), "int"),
    ("lineBreak", lambda c: len(("a" + c + "b").splitlines()) == 2, "int"),
    ("decimal", lambda c: unicodedata.decimal(c, -1), "int"),
    ("digit", lambda c: unicodedata.digit(c, -1), "int"),
    ("numeric", lambda c: struct.unpack("<Q", struct.pack("<d", unicodedata.numeric(c, -1.0)))[0], "int"),
    ("lower", str.lower, "text"), ("upper", str.upper, "text"), ("title", str.title, "text"),
    ("casefold", str.casefold, "text"), ("swapcase", str.swapcase, "text"),
    ("cased", lambda c: (c + "A").title(), "text"),
    ("sigma", lambda c: final_sigma("a" + c + "\u03a3") * 2 + final_sigma(" " + c + "\u03a3"), "int"),
    ("name", lambda c: unicodedata.name(c, ""), "text"),
]


def digests():
    planes = 17
    table = {name: [OFFSET] * planes for name, _, _ in PROPERTIES}
    for name, fn, kind in PROPERTIES:
        values = table[name]
        for cp in range(sys.maxunicode + 1):
            plane = cp >> 16
            result = fn(chr(cp))
            if kind == "text":
                values[plane] = fnv_text(values[plane], result)
            else:
                values[plane] = fnv(values[plane], int(result))
    return table


# --------------------------------------------------------------------------

def write(filename, lines):
    path = os.path.join(TESTS, filename)
    with open(path, "w") as out:
        out.write("\n".join(lines) + "\n")
    print(f"wrote {path}")


def main():
    assert sys.version_info[:2] == (3, 11), sys.version
    assert unicodedata.unidata_version == "14.0.0"
    register_test_handlers()
    add_case_methods()
    add_strip_split()
    add_search()
    add_replace_partition()
    add_padding()
    add_misc()
    add_format_spec()
    add_str_format()
    add_percent()
    add_codecs()
    write("TextCaseData.swift", [
        "// Generated by scripts/gen_text_cases.py from CPython 3.11. Do not edit.",
        "// One case per line; the format is described in the script.",
        "",
        "let textCaseData = #\"\"\"",
    ] + LINES + ['"""#'])
    print(f"{len(LINES)} cases")
    table = digests()
    lines = [
        "// Generated by scripts/gen_text_cases.py from CPython 3.11 (Unicode 14.0.0). Do not edit.",
        "// FNV-1a digests, per plane, of each property of every code point; see the script.",
        "",
        "let textUnicodeDigests: [(name: String, planes: [UInt64])] = [",
    ]
    for name, _, _ in PROPERTIES:
        values = ", ".join(f"0x{v:016X}" for v in table[name])
        lines.append(f'    ("{name}", [{values}]),')
    lines.append("]")
    write("TextUnicodeDigests.swift", lines)


if __name__ == "__main__":
    main()
