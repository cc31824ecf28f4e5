# cmath: every function on a grid of special and ordinary values (signed
# zeros, infinities, NaNs), errors, argument conversion, constants.
import cmath, math

INF, NAN = math.inf, math.nan
PARTS = [-INF, -1e300, -2.5, -1.0, -0.5, -1e-310, -0.0, 0.0, 1e-310, 0.5, 1.0, 2.5, 1e300, INF, NAN]

def show(x):
    if isinstance(x, complex):
        return f'({show(x.real)}, {show(x.imag)})'
    if isinstance(x, tuple):
        return '(' + ', '.join(show(v) for v in x) + ')'
    if isinstance(x, float):
        return 'nan' if math.isnan(x) else repr(x)
    return repr(x)

def outcome(f, *args):
    try:
        return show(f(*args))
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        return f'{type(e).__name__}: {e}'

UNARY = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cos', 'cosh', 'exp', 'log', 'log10',
         'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'phase', 'polar', 'isfinite', 'isinf', 'isnan']
for name in UNARY:
    f = getattr(cmath, name)
    lines = []
    for re in PARTS:
        for im in PARTS:
            lines.append(outcome(f, complex(re, im)))
    print(name, ' | '.join(lines))
for re in PARTS:
    print('rect', re, ' | '.join(outcome(cmath.rect, re, phi) for phi in PARTS + [math.pi, -math.pi / 2]))

print('log base', outcome(cmath.log, 8, 2), outcome(cmath.log, 1, 1), outcome(cmath.log, 2, 0),
      outcome(cmath.log, 0, 2), outcome(cmath.log, 1j, 1 + 1j), outcome(cmath.log, -1, 10))
print('polar big', outcome(cmath.polar, complex(1e308, 1e308)), outcome(cmath.exp, complex(1000, 1)),
      outcome(cmath.cosh, complex(710, 0.5)), outcome(cmath.sinh, complex(-710, 0.5)))
print('ints', outcome(cmath.sqrt, -4), outcome(cmath.exp, True), outcome(cmath.log, 10**20),
      outcome(cmath.sqrt, 10**400), outcome(cmath.phase, -1), outcome(cmath.phase, -0.0))

class C:
    def __complex__(self):
        return 3 + 4j

class F:
    def __float__(self):
        return 2.25

class I:
    def __index__(self):
        return 9

class Bad:
    def __complex__(self):
        return 'x'

print('conv', outcome(cmath.sqrt, C()), outcome(cmath.sqrt, F()), outcome(cmath.sqrt, I()),
      outcome(cmath.sqrt, Bad()), outcome(cmath.sqrt, 'a'), outcome(cmath.sqrt, None),
      outcome(cmath.rect, 1j, 1), outcome(cmath.polar, C()))
print('args', outcome(cmath.sqrt), outcome(cmath.log), outcome(cmath.log, 1, 2, 3),
      outcome(cmath.rect, 1), outcome(cmath.phase), outcome(cmath.isnan, 1, 2))
print('isclose', cmath.isclose(1 + 1j, 1 + 1j), cmath.isclose(1, 1 + 1e-10j), cmath.isclose(1, 1.1),
      cmath.isclose(1, 1.1, rel_tol=0.2), cmath.isclose(0, 1e-10j, abs_tol=1e-9),
      cmath.isclose(complex(INF, 0), complex(INF, 0)), cmath.isclose(complex(INF, 1), complex(INF, 0)),
      cmath.isclose(NAN, NAN), outcome(cmath.isclose, 1, 2, 3), outcome(lambda: cmath.isclose(1, 2, rel_tol=-1)),
      outcome(lambda: cmath.isclose(1)), outcome(lambda: cmath.isclose(1, 2, foo=1)))
print('constants', cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj,
      type(cmath.infj).__name__, math.copysign(1, cmath.nanj.real))
print(sorted(n for n in dir(cmath) if not n.startswith('_')))
print(cmath.sqrt.__name__, type(cmath.sqrt).__name__, cmath.__name__)
