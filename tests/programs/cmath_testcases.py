# Every case of CPython's Lib/test/cmath_testcases.txt: results within a few
# ulps (exact for zeros' signs, infinities and NaNs), errors as flagged.
import cmath, math, struct, sys

PATH = '/usr/lib/python3.11/test/cmath_testcases.txt'

def ulps(x, y):
    a = struct.unpack('<q', struct.pack('<d', x))[0]
    b = struct.unpack('<q', struct.pack('<d', y))[0]
    if a < 0: a = -(a & 0x7fffffffffffffff)
    if b < 0: b = -(b & 0x7fffffffffffffff)
    return abs(a - b)

def close(expected, got, ignore_sign, abs_err=0.0):
    if math.isnan(expected):
        return math.isnan(got)
    if math.isinf(expected):
        return got == expected or (ignore_sign and abs(got) == abs(expected))
    if ignore_sign:
        expected, got = abs(expected), abs(got)
    if expected == 0 and got == 0:
        return math.copysign(1, expected) == math.copysign(1, got)
    if abs(expected - got) <= abs_err:
        return True
    return ulps(expected, got) <= 8

checked = mismatches = 0
for line in open(PATH):
    line = line.split('--')[0].strip()
    if not line:
        continue
    lhs, rhs = line.split('->')
    ident, fn, ar, ai = lhs.split()
    parts = rhs.split()
    er, ei, flags = float(parts[0]), float(parts[1]), parts[2:]
    arg = complex(float(ar), float(ai))
    function = getattr(cmath, fn)
    try:
        if fn == 'rect':
            result = function(arg.real, arg.imag)
        elif fn == 'polar':
            result = complex(*function(arg))
        else:
            result = function(arg)
    except ValueError:
        outcome = 'ValueError'
    except OverflowError:
        outcome = 'OverflowError'
    else:
        outcome = result
    checked += 1
    if 'divide-by-zero' in flags or 'invalid' in flags:
        ok = outcome == 'ValueError'
    elif 'overflow' in flags:
        ok = outcome == 'OverflowError'
    elif isinstance(outcome, str):
        ok = False
    else:
        abs_err = 5e-323 if fn in ('cos', 'cosh', 'sin', 'sinh', 'exp', 'rect') else 0.0
        # As test_cmath: the real part of a logarithm near 1 is allowed 2e-15.
        real_err = 2e-15 if fn in ('log', 'log10') else abs_err
        ok = (close(er, outcome.real, 'ignore-real-sign' in flags, real_err)
              and close(ei, outcome.imag, 'ignore-imag-sign' in flags, abs_err))
    if not ok:
        mismatches += 1
        print('mismatch', ident, fn, ar, ai, '->', outcome, 'expected', er, ei, ' '.join(flags))
print('checked', checked, 'mismatches', mismatches)
