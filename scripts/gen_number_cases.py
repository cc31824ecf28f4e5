#!/usr/bin/env python3
"""Regenerates Tests/GarterRuntimeTests/NumbersGeneratedCases.swift: tables of
inputs and CPython's results for Garter's numeric semantics
(Sources/GarterRuntime/Numbers). Run with CPython 3.11:

    python3 scripts/gen_number_cases.py

Each table is a raw multi-line string, one case per line, fields separated by
tabs. Encodings (decoded by NumbersTestSupport.swift):
  ints        decimal text
  floats      float.hex() text, or inf / -inf / nan
  text        printable ASCII, other characters as \\u{hex}
  results     i:<int>  f:<float>  b:True|False  s:<text>  complex
              E:<ExceptionName>:<message text>
              tuples as results joined by " ; "
"""
import math
import os
import random
import sys

assert sys.version_info[:2] == (3, 11), "the oracle is CPython 3.11"
sys.set_int_max_str_digits(0)

INT_MAX = 2**63 - 1
INT_MIN = -2**63


def esc(text):
    out = []
    for ch in text:
        o = ord(ch)
        if 0x20 <= o < 0x7F and ch != '\\':
            out.append(ch)
        else:
            out.append('\\u{%x}' % o)
    return ''.join(out)


def enc_float(x):
    if math.isnan(x):
        return 'nan'
    if math.isinf(x):
        return 'inf' if x > 0 else '-inf'
    return x.hex()


def enc(value):
    if isinstance(value, bool):
        return 'b:%s' % value
    if isinstance(value, int):
        return 'i:%d' % value
    if isinstance(value, float):
        return 'f:' + enc_float(value)
    if isinstance(value, complex):
        return 'complex'
    if value == 'complex':
        return 'complex'
    if isinstance(value, str):
        return 's:' + esc(value)
    if isinstance(value, bytes):
        return 'y:' + value.hex()
    if isinstance(value, tuple):
        return ' ; '.join(enc(v) for v in value)
    raise TypeError(value)


def run(fn):
    try:
        return enc(fn())
    except Exception as e:  # noqa: BLE001 - every exception is a result
        return 'E:%s:%s' % (type(e).__name__, esc(str(e)))


def line(*fields):
    for f in fields:
        assert '\t' not in f and '\n' not in f, f
    return '\t'.join(fields)


rng = random.Random(20240611)

# ----------------------------------------------------------------- ints
INTS = [0, 1, -1, 2, -2, 3, 7, -7, 10, -98765,
        2**31, 2**53 + 1, -(2**53 + 1),
        INT_MAX, INT_MAX - 1, INT_MIN, INT_MIN + 1, 2**63, -(2**63) - 1,
        2**64 - 1, 2**64, -(2**64), -(10**20) + 7,
        2**200 + 1, -(2**127), -rng.getrandbits(190), rng.getrandbits(90)]

BINARY = {
    'add': lambda a, b: a + b,
    'sub': lambda a, b: a - b,
    'mul': lambda a, b: a * b,
    'floordiv': lambda a, b: a // b,
    'mod': lambda a, b: a % b,
    'divmod': lambda a, b: divmod(a, b),
    'truediv': lambda a, b: a / b,
    'and': lambda a, b: a & b,
    'or': lambda a, b: a | b,
    'xor': lambda a, b: a ^ b,
    'cmp': lambda a, b: (a > b) - (a < b),
}

int_binary = []
for a in INTS:
    for b in INTS:
        for name, fn in BINARY.items():
            int_binary.append(line(name, str(a), str(b), run(lambda: fn(a, b))))
SHIFTS = [0, 1, 2, 5, 31, 32, 63, 64, 65, 100, 200, 1000, -1, 2**70]
for a in INTS:
    for n in SHIFTS:
        int_binary.append(line('lshift', str(a), str(n), run(lambda: a << n) if n < 10**6 else
                               ('i:0' if a == 0 else 'E:MemoryError:')))
        int_binary.append(line('rshift', str(a), str(n), run(lambda: a >> n)))
EXPONENTS = [0, 1, 2, 3, 5, 10, 31, 62, 63, 64, 100, -1, -2, -3, -10]
for a in INTS:
    for n in EXPONENTS:
        if abs(a) > 2**70 and n >= 62:
            continue
        int_binary.append(line('pow', str(a), str(n), run(lambda: a ** n)))
for a in [0, 1, -1]:
    for n in [2**70, 2**70 + 1, -(2**70)]:
        int_binary.append(line('pow', str(a), str(n), run(lambda: a ** n)))
# Correct rounding of true division: random and tie cases.
for _ in range(150):
    a = rng.getrandbits(rng.randint(1, 400)) * rng.choice([1, -1])
    b = rng.getrandbits(rng.randint(1, 400)) or 1
    int_binary.append(line('truediv', str(a), str(b), run(lambda: a / b)))
for k in [0, 1, 10, 900, 970, 971, 1000]:
    for m in [2**53 + 1, 2**53 + 3, 2**54 + 2, 2**54 + 6, 2**60 - 1, 3 * 2**52 + 1]:
        int_binary.append(line('truediv', str(m * 2**k), '1', run(lambda: (m * 2**k) / 1)))
        int_binary.append(line('truediv', '1', str(m * 2**k), run(lambda: 1 / (m * 2**k))))
for k in [1021, 1022, 1023, 1040, 1070, 1073, 1074, 1075, 1076, 1100]:
    for num in [1, 2, 3, 5, 2**52 + 1, 2**53 - 1]:
        int_binary.append(line('truediv', str(num), str(2**k), run(lambda: num / 2**k)))
int_binary.append(line('truediv', str(2**1024 - 2**970), '1', run(lambda: (2**1024 - 2**970) / 1)))
int_binary.append(line('truediv', str(2**1024 - 2**971), '1', run(lambda: (2**1024 - 2**971) / 1)))
int_binary.append(line('truediv', str(10**400), str(10**399), run(lambda: 10**400 / 10**399)))
int_binary.append(line('truediv', str(-10**400), '3', run(lambda: -10**400 / 3)))
int_binary.append(line('truediv', '0', '-5', run(lambda: 0 / -5)))

int_powmod = []
MODS = [1, -1, 2, 7, -7, 10, 97, 2**61 - 1, -(2**64 + 13), 10**30 + 57, 0, 2**64, 3**50]
for a in [0, 1, -1, 2, 3, -5, 10, 12345, 2**64 + 1, -(3**60), 7**40]:
    for b in [0, 1, 2, 5, 65537, 10**20 + 1, -1, -2, -7]:
        for m in MODS:
            int_powmod.append(line(str(a), str(b), str(m), run(lambda: pow(a, b, m))))

UNARY = {
    'neg': lambda a: -a,
    'abs': lambda a: abs(a),
    'invert': lambda a: ~a,
    'bit_length': lambda a: a.bit_length(),
    'bit_count': lambda a: a.bit_count(),
    'hash': lambda a: hash(a),
    'float': lambda a: float(a),
    'str': lambda a: str(a),
    'bin': lambda a: bin(a),
    'oct': lambda a: oct(a),
    'hex': lambda a: hex(a),
}
int_unary = []
UNARY_INTS = INTS + [2**61 - 1, 2**61, 2**61 - 2, -(2**61 - 1), -(2**61), 2**122, 2**1023 * 3,
                     2**1024 - 2**970, 2**1024 - 2**971 - 1, 2**1024 - 2**971, 2**1024,
                     2**54 + 2, 2**54 + 6, 2**54 + 1, 2**54 + 3, -(2**55 + 4),
                     10**300, -(10**308), 10**309]
for _ in range(30):
    UNARY_INTS.append(rng.getrandbits(rng.randint(54, 1100)) * rng.choice([1, -1]))
for a in UNARY_INTS:
    for name, fn in UNARY.items():
        int_unary.append(line(name, str(a), run(lambda: fn(a))))

int_round = []
for a in [0, 5, 15, 25, -15, -25, 14, 16, 1234567, -1234567, 5000, 15000, 25000, 2**63 + 5,
          10**30 + 5 * 10**9, -(10**30) - 5 * 10**9, 123456789012345678901234567890]:
    for n in [0, 1, 5, -1, -2, -3, -4, -10, -20, -31, -40, 2**70]:
        int_round.append(line(str(a), str(n), run(lambda: round(a, n))))

# to_bytes / from_bytes
int_bytes = []
for a in [0, 1, -1, 127, 128, -128, -129, 255, 256, 65535, -32768, 2**63, -(2**63), 2**64 - 1, 10**30, -(10**30)]:
    for length in [0, 1, 2, 8, 9, 16, -1]:
        for little in [False, True]:
            for signed in [False, True]:
                order = 'little' if little else 'big'
                int_bytes.append(line('to', str(a), str(length), str(int(little)), str(int(signed)),
                                      run(lambda: a.to_bytes(length, order, signed=signed))))
for data in [b'', b'\x00', b'\x01', b'\xff', b'\x80', b'\x7f', b'\x01\x00', b'\x00\x01', b'\xff\xff',
             b'\x80\x00', bytes(range(1, 20)), b'\xff' * 9, b'\x00' * 8 + b'\x80', bytes(range(200, 255))]:
    for little in [False, True]:
        for signed in [False, True]:
            order = 'little' if little else 'big'
            int_bytes.append(line('from', data.hex(), '0', str(int(little)), str(int(signed)),
                                  run(lambda: int.from_bytes(data, order, signed=signed))))

# int(text, base)
int_parse = []
TEXTS = ['0', '-0', '+5', ' 12 ', '\t-34\n', '1_000', '1__0', '_1', '1_', '0x1f', '0X1F', '-0x1f',
         '0b101', '0B101', '0o17', '0O17', '0b_1', '0x_f', '0x__f', '0_7', '07', '00', '0_0', '0_0_', '08',
         '0x', '0b', '0o', 'z', 'Z', 'zz', '\u0663\u0664', '\u00a01\u3000', '\u0661\u0662', '1\x00', '', ' ',
         '- 1', '--1', '1 1', '12a', '9', '1' * 50, '-' + '9' * 30, 'abc', 'ABC', '0x_ff', 'x' * 300,
         '1e5', '1.0', '\u200b', '1\ud800', 'a\'b"c', "a'b", '\x1c1', '1\x1f', '\x0b7\x0c', '0b1', '0o8',
         '+', '-', '0' * 30 + '1', '٠', '9' * 25, '-0b' + '1' * 70, '0o' + '7' * 30, '0xdeadbeefcafe' * 3]
for text in TEXTS:
    for base in [0, 2, 8, 10, 16, 36]:
        int_parse.append(line(str(base), '4300', esc(text), run(lambda: int(text, base))))
for base in [1, 37, -1, -5, 100]:
    int_parse.append(line(str(base), '4300', esc('10'), run(lambda: int('10', base))))
# The digit limit.
for text, limit in [('1' * 4300, 4300), ('1' * 4301, 4300), ('-' + '1' * 4301, 4300), ('1' * 5000 + 'x', 4300),
                    ('1' * 700, 640), ('1' * 641, 640), ('1' * 640, 640), ('1_' * 700 + '1', 1000),
                    ('0x' + 'f' * 5000, 4300), ('1' * 5000, 0), ('x' * 5000, 4300)]:
    for base in [0, 10, 16]:
        old = sys.get_int_max_str_digits()
        sys.set_int_max_str_digits(limit)
        try:
            value = int(text, base)
            result = None
        except ValueError as e:
            result = 'E:%s:%s' % (type(e).__name__, esc(str(e)))
        finally:
            sys.set_int_max_str_digits(old)
        # Encoded with no limit: the limit applies to the parsing only.
        int_parse.append(line(str(base), str(limit), esc(text), result or enc(value)))

int_str_limit = []
for value, limit in [(10**4300 - 1, 4300), (10**4300, 4300), (-(10**4300), 4300), (-(10**4299), 4300),
                     (10**640, 640), (10**639, 640), (2**14000, 4300), (2**14000, 0), (3**9000, 4300),
                     (10**5000, 0), (-(10**700), 700)]:
    old = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(limit)
    try:
        result = run(lambda: str(value))
        formatted = run(lambda: format(value, ',d'))
        hexed = run(lambda: format(value, 'x'))
    finally:
        sys.set_int_max_str_digits(old)
    int_str_limit.append(line(str(value), str(limit), result, formatted, hexed))

# ----------------------------------------------------------------- floats
FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, -2.5, 3.0, 7.0, 0.1, -0.1, 1 / 3,
          1e308, -1e308, 1.7976931348623157e308, 5e-324, -5e-324, 2.2250738585072014e-308,
          2.0**53 + 2, 123.456, -987.654, 2.0, math.inf, -math.inf, math.nan]
FBINARY = {
    'truediv': lambda a, b: a / b,
    'floordiv': lambda a, b: a // b,
    'mod': lambda a, b: a % b,
    'divmod': lambda a, b: divmod(a, b),
    'pow': lambda a, b: a ** b,
}
float_binary = []
def float_pow(a, b):
    # A complex result (or complex ** overflowing) is the caller's part: the
    # numbers layer only reports that the answer is complex.
    try:
        result = a ** b
    except OverflowError as e:
        if str(e) == 'complex exponentiation':
            return 'complex'
        raise
    return result


FBINARY['pow'] = float_pow
for a in FLOATS:
    for b in FLOATS:
        for name, fn in FBINARY.items():
            float_binary.append(line(name, enc_float(a), enc_float(b), run(lambda: fn(a, b))))
for a in [-8.0, -2.0, -1.0, -0.5, 2.0, 10.0, 0.0, -0.0]:
    for b in [0.5, 1 / 3, -0.5, 2.0, 3.0, -3.0, 1e300, -1e300, 1e20 + 1, 2.0**53 + 1, 2.0**53 + 2, 1023.0,
              1024.0, 1074.0, 1075.0, -1074.0, -1075.0, 1e10]:
        float_binary.append(line('pow', enc_float(a), enc_float(b), run(lambda: float_pow(a, b))))
for _ in range(120):
    a = rng.uniform(-1e6, 1e6) * 10 ** rng.randint(-20, 20)
    b = rng.uniform(-1e3, 1e3) * 10 ** rng.randint(-20, 20)
    for name in ['floordiv', 'mod', 'divmod']:
        float_binary.append(line(name, enc_float(a), enc_float(b), run(lambda: FBINARY[name](a, b))))

UFLOATS = FLOATS + [2.675, 0.125, 0.375, 1.25, 0.5 + 2**-53, 4.5, 5.5, -4.5, 1e22, 1e23, 2**63 + 0.0,
                    -(2.0**63), 2.0**64, 9.223372036854775e18, 1e100, -1e-7, 123456789.5,
                    0.1 + 0.2, 1.0 - 2**-53, 2**-1022 + 0.0, 2**-1074 * 3, 1.1, 2.2, 3.3, 1e-5, 9.999999999999999e22]
for _ in range(60):
    UFLOATS.append(rng.uniform(-1, 1) * 10 ** rng.randint(-310, 308))
for _ in range(30):
    UFLOATS.append(float(rng.getrandbits(64)) * 2.0 ** rng.randint(-1100, 900))
FUNARY = {
    'round': lambda x: round(x),
    'int': lambda x: int(x),
    'ratio': lambda x: x.as_integer_ratio(),
    'is_integer': lambda x: x.is_integer(),
    'hex': lambda x: x.hex(),
    'hash': lambda x: hash(x) if not math.isnan(x) else 0,
    'repr': lambda x: repr(x),
}
float_unary = []
for x in UFLOATS:
    for name, fn in FUNARY.items():
        float_unary.append(line(name, enc_float(x), run(lambda: fn(x))))

float_round = []
for x in UFLOATS:
    for n in [0, 1, 2, 3, 10, 16, 17, 323, 324, -1, -2, -20, -308, -309]:
        float_round.append(line(enc_float(x), str(n), run(lambda: round(x, n))))
for x, n in [(2.675, 2), (0.125, 2), (0.375, 2), (2.5, 0), (1.7976931348623157e308, -308),
             (1.5e308, -308), (-1.7976931348623157e308, -308), (5e-324, 323), (5e-324, 324)]:
    float_round.append(line(enc_float(x), str(n), run(lambda: round(x, n))))

float_parse = []
FTEXTS = ['1.5', ' -2.5e3 ', '1_0.5_5e1_0', '1__0', '_1', '1_', '1._5', '1_.5', '1e_5', '1e5_', 'inf', '-InFiNiTy',
          'INF', '+inf', 'nan', '-nan', 'NaN', '+nan(1)', 'infinit', 'infinityy', '.', '.5', '5.', '5.e3', '0x1p3', '',
          '  ', '1e500', '-1e500', '1e-500', '\u0663.5', '1\x00', '\u00e9', "a'b", '1' * 400 + '.5',
          '2.4703282292062327e-324', '2.4703282292062328e-324', '4.9e-324', '1.7976931348623157e308',
          '1.7976931348623158e308', '1.797693134862315807e308', '1.7976931348623159e308', 'e5', '1e', '1e+', '+', '-',
          '0.1', '123456789012345678901234567890', '1e-7', '-0', '-0.0', '+.5e-2', '1 2', '\t\n 3.25 \x0c',
          '\u00a07\u2003', '1E5', '1e+05', '0.000001', '9007199254740993', '9007199254740993.000000001',
          '0.' + '0' * 400 + '1e400', '1_000.000_1', '١٢٣', '1\u200b', '--1', '1e1e1', '0e0', '00.00',
          '4.35', '8.41', '2.2250738585072011e-308', '2.2250738585072012e-308', '1.00000000000000011102230246251565404236316680908203125',
          '1.00000000000000011102230246251565404236316680908203124', '1.00000000000000011102230246251565404236316680908203126']
for text in FTEXTS:
    float_parse.append(line(esc(text), run(lambda: float(text))))

float_fromhex = []
HTEXTS = ['0x1.8p1', '0X1.8P1', '1.8p1', '-0x1p-1074', '0x1p-1075', '0x3p-1076', '0x1.0000000000001p0',
          '0x1.00000000000008p0', '0x1.00000000000018p0', '0x1.fffffffffffff8p1023', '0x1.fffffffffffff7p1023',
          '0x1p1024', '0x1p99999', '0x1p-99999', 'x', '', '0x', '0x.p1', '0x1.', '0x.8', ' 0x1p4 ', 'inf', '-Infinity',
          'nan', '0x1p', '0x1p+', '0x1g', '0x0p0', '-0x0p0', '0x' + 'f' * 40, '0x1' + '0' * 300 + 'p-1200',
          '0x1p99999999999999999999', '0x0.0000000000001p-1022', '0x1.fffffffffffffp-1023', 'ff', '0x1_0']
for text in HTEXTS:
    float_fromhex.append(line(esc(text), run(lambda: float.fromhex(text))))

mixed_compare = []
CMP_INTS = [0, 1, -1, 2**53, 2**53 + 1, 2**53 - 1, -(2**53 + 1), 2**63, 2**63 - 1, -(2**63), 2**64 + 1, 10**400,
            -(10**400), 2**1023, 2**1024, 7, 3]
CMP_FLOATS = [0.0, -0.0, 0.5, 1.0, -1.0, 2.0**53, 2.0**63, -(2.0**63), 2.0**64, 1.7976931348623157e308,
              math.inf, -math.inf, math.nan, 7.0, 6.999999999999999, 7.000000000000001, 2.0**1023, 3.5, -0.5]
for a in CMP_INTS:
    for b in CMP_FLOATS:
        result = 'nan' if math.isnan(b) else str((a > b) - (a < b))
        mixed_compare.append(line(str(a), enc_float(b), result))

# ----------------------------------------------------------------- format
FMT_INTS = [0, 1, -1, 42, -42, 255, 65, 1234567, -1234567, 2**63, -(2**63), 10**20, 2**100, -(3**70),
            0x10FFFF, 0x110000, 7, -12345, 123456789012345678901234567890, True]
INT_SPECS = ['', 'd', 'b', 'o', 'x', 'X', '#b', '#o', '#x', '#X', 'c', 'n', ',', '_', '_b', '_x', '_o', '#_x', ',d',
             '_d', '10', '<10', '^10', '=10', '>10', '010', '+', ' ', '-', '+010', ' 010', '#010x', '#012_b', '0=10',
             '*^11', 'x<8', '.^9', '0>8', '0<8', '0^8', ',.2f', 'e', '.2e', 'f', '%', 'g', '.3', 'z', 'zd', '+c', '#c',
             ',c', '_c', ',x', ',b', '_n', ',n', 'q', 's', 'xx', '.2d', '015,', '016,', '017,', '013_', '020_x',
             '#020_b', ',_', '_,', '.', '5.2.3', 'E', 'G', 'F', '.0%', '+#x', ' #o', '=+12,', '\u0661\u0660',
             '99999999999999999999999', '\x01', '\u00e9', 'z#', '.3c', '+zc', '<+z#010c', '>5c', '*<5c', '05c',
             '-^+10', '\u00e9^10x', '0', '00', '#', '+#010_X', ',.0f', '_.2e', '20,.3g', '=^10', 'ee',
             '12.5', '.2g', 'n', '08n', '+n']
format_int = []
for value in FMT_INTS:
    for spec in INT_SPECS:
        format_int.append(line(str(int(value)), 'bool' if isinstance(value, bool) else 'int', esc(spec),
                               run(lambda: format(value, spec))))

FMT_FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, 2.5, 1.5, 0.125, 0.375, 2.675, 1 / 3, -2 / 3, 123456.789, 1e16, 1e15,
              9.999999999e15, 1e17, 1e22, 1e23, 1.7976931348623157e308, 5e-324, 2.2250738585072014e-308, 1e-5,
              0.0001, 0.00001234, 123.456, -0.0004, 9.5, 99.95, 0.05, 1234567.0, 12345678901234567890.0,
              math.inf, -math.inf, math.nan, -math.nan, 100.0, 1e100, 0.1, 9.9999, -1e-320, 1234.5, 0.000123456789]
FLOAT_SPECS = ['', 'f', '.0f', '.1f', '.2f', '.3f', '.10f', '.20f', '.60f', 'e', '.0e', '.1e', '.3e', '.16e', '.30e',
               'E', 'g', '.0g', '.1g', '.2g', '.3g', '.10g', '.17g', '.25g', 'G', '%', '.1%', '.0%', 'n', '.3n', '#',
               '#g', '#.3g', '#.0f', '#.0e', '#.5', '#.0', '.3', '.0', '.1', '.2', '.12', '.17', '10', '<10', '^12',
               '=+12', '+', ' ', '-', 'z', 'z.1f', 'z.2e', 'zg', 'z.0f', '+z.1f', 'z010.1f', 'z>8.1f', '012',
               '012.3f', '+015.4e', ',', '_', ',.2f', '_.3f', '015,.2f', '020_', ',g', ',e', '*^15,.2f', '0<10',
               'x>12.1f', ',%', '010%', '#10.3G', 'F', '.3F', '.2E', '.2G', '#.2G', '\u00e9=+14,.3f', ' 010.2f',
               ',.10', '016,', '_.0f', '12', '>12', '.1000f', '.350e', '.330f', 'd', 'x', 'c', 'b', ',,', ',_',
               '.f', 'q', '5.2.3', 'ff', '.2147483648f', '.2147483647f' if False else '.50g',
               '99999999999999999999', ',n', '_n', ',s', '#,.0f', '09', '+.0e', ' g', '.1n', '=10', '0=10.2f']
format_float = []
for value in FMT_FLOATS:
    for spec in FLOAT_SPECS:
        format_float.append(line(enc_float(value) if not (math.isnan(value) and math.copysign(1, value) < 0)
                                 else '-nan', esc(spec), run(lambda: format(value, spec))))
for _ in range(200):
    value = rng.uniform(-1, 1) * 10 ** rng.randint(-30, 30)
    spec = rng.choice(['.%df', '.%de', '.%dg', '.%d', '#.%dg', ',.%df']) % rng.randint(0, 25)
    format_float.append(line(enc_float(value), esc(spec), run(lambda: format(value, spec))))
for _ in range(120):
    value = rng.uniform(-1, 1) * 10 ** rng.randint(-320, 308)
    spec = rng.choice(['', 'e', 'g', '.17g', '.3e', '.20e', 'r' if False else '.40g'])
    format_float.append(line(enc_float(value), esc(spec), run(lambda: format(value, spec))))

# ----------------------------------------------------------------- output
TABLES = [
    ('intBinary', 'op, a, b, result', int_binary),
    ('intPowMod', 'a, b, modulus, result', int_powmod),
    ('intUnary', 'op, a, result', int_unary),
    ('intRound', 'a, ndigits, result', int_round),
    ('intBytes', 'to|from, value or hex bytes, length, little, signed, result', int_bytes),
    ('intParse', 'base, max digits, text, result', int_parse),
    ('intStrLimit', 'value, max digits, str result, format ",d" result, format "x" result', int_str_limit),
    ('floatBinary', 'op, a, b, result', float_binary),
    ('floatUnary', 'op, x, result', float_unary),
    ('floatRound', 'x, ndigits, result', float_round),
    ('floatParse', 'text, result', float_parse),
    ('floatFromHex', 'text, result', float_fromhex),
    ('mixedCompare', 'int, float, sign of int - float or nan', mixed_compare),
    ('formatInt', 'value, type name, spec, result', format_int),
    ('formatFloat', 'value, spec, result', format_float),
]

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
path = os.path.join(root, 'Tests', 'GarterRuntimeTests', 'NumbersGeneratedCases.swift')
with open(path, 'w') as out:
    out.write('// Generated by scripts/gen_number_cases.py from CPython %s; do not edit.\n'
              % sys.version.split()[0])
    out.write('// One case per line, fields separated by tabs (see the script for the encodings).\n\n')
    out.write('enum NumbersGeneratedCases {\n')
    for name, fields, rows in TABLES:
        out.write('    /// %d cases: %s.\n' % (len(rows), fields))
        out.write('    static let %s = #"""\n' % name)
        for row in rows:
            assert '"""#' not in row
            out.write(row + '\n')
        out.write('"""#\n\n')
    out.write('}\n')
total = sum(len(rows) for _, _, rows in TABLES)
print('wrote %s: %d cases' % (os.path.relpath(path, root), total))
