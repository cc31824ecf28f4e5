# The math module: values, special cases and error messages, compared with CPython.
import math


def show(label, function, *args, **kwargs):
    try:
        result = function(*args, **kwargs)
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", repr(result))


print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)

# A deterministic stream of awkward floats (no random module needed).
state = 12345


def next_float():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    mantissa = (state >> 11) / 2**53
    exponent = (state % 41) - 20
    sign = -1 if state & 1024 else 1
    return sign * mantissa * 2.0 ** exponent


samples = [0.0, -0.0, 0.5, 1.0, -1.0, 2.0, 1e-300, 1e300, 5e-324, 0.1, 7.5, -7.5, 170.5, 171.0, 171.7,
           -170.5, 1e-25, -1e-25, 2.5, -2.5, 100.0, -100.5, math.inf, -math.inf, math.nan]
samples += [next_float() for _ in range(60)]

unary = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cbrt", "cos", "cosh", "erf", "erfc", "exp", "exp2",
         "expm1", "fabs", "gamma", "lgamma", "log", "log10", "log1p", "log2", "sin", "sinh", "sqrt", "tan", "tanh",
         "degrees", "radians", "isfinite", "isinf", "isnan", "frexp", "modf", "ulp", "floor", "ceil", "trunc"]
for name in unary:
    function = getattr(math, name)
    for x in samples:
        show(f"{name}({x!r})", function, x)

binary = ["atan2", "copysign", "fmod", "remainder", "pow", "nextafter", "hypot", "log"]
pairs = [(samples[i], samples[(i * 7 + 3) % len(samples)]) for i in range(len(samples))]
pairs += [(0.0, -1.0), (-0.0, -3.0), (-8.0, 1 / 3), (2.0, 1024.0), (2.0, -1080.0), (-2.0, 3.0), (1.0, math.nan),
          (math.nan, 0.0), (-math.inf, 3.0), (-math.inf, 2.0), (-math.inf, -3.0), (0.5, math.inf), (2.0, -math.inf),
          (-1.0, math.inf), (10.0, 1.0), (1.0, 10.0), (5.0, 0.0), (math.inf, 2.0), (3.0, math.inf)]
for name in binary:
    function = getattr(math, name)
    for x, y in pairs:
        show(f"{name}({x!r}, {y!r})", function, x, y)

# Integer arguments, big ints, and objects with __float__ / __index__.
class Floaty:
    def __float__(self):
        return 2.25


class Indexy:
    def __index__(self):
        return 7


class Rounder:
    def __floor__(self):
        return "floor!"

    def __ceil__(self):
        return "ceil!"

    def __trunc__(self):
        return "trunc!"


for label, value in [("int", 10), ("bool", True), ("big", 2**1100), ("-big", -(2**70)), ("Floaty", Floaty()),
                     ("Indexy", Indexy()), ("str", "x"), ("None", None), ("list", [1])]:
    for name in ["sqrt", "exp", "log", "log2", "log10", "floor", "ceil", "trunc", "isnan", "fabs"]:
        show(f"{name}({label})", getattr(math, name), value)
show("floor(Rounder)", math.floor, Rounder())
show("ceil(Rounder)", math.ceil, Rounder())
show("trunc(Rounder)", math.trunc, Rounder())
show("floor(big float)", math.floor, 1e300)
show("ceil(-1e20)", math.ceil, -1e20)
show("floor(nan)", math.floor, math.nan)
show("ceil(inf)", math.ceil, math.inf)
show("trunc(-inf)", math.trunc, -math.inf)
show("log(2**3000, 2)", math.log, 2**3000, 2)
show("log(10**400)", math.log, 10**400)
show("log10(10**400)", math.log10, 10**400)
show("log2(2**5000)", math.log2, 2**5000)
show("log(10, 1)", math.log, 10, 1)
show("log(0)", math.log, 0)
show("log(-5)", math.log, -5)
show("log()", math.log)
show("log(1, 2, 3)", math.log, 1, 2, 3)
show("log(8, 2)", math.log, 8, 2)
show("log(100, 10)", math.log, 100, 10)
show("log(2**70, Floaty)", math.log, 2**70, Floaty())
show("exp(1000)", math.exp, 1000)
show("exp(-1000)", math.exp, -1000)
show("pow(0, -1)", math.pow, 0, -1)
show("pow(-1, 0.5)", math.pow, -1, 0.5)
show("pow(10, 400)", math.pow, 10, 400)
show("pow(2, 3)", math.pow, 2, 3)
show("pow(1)", math.pow, 1)
show("pow kw", math.pow, x=1, y=2)
show("sqrt()", math.sqrt)
show("sqrt(1, 2)", math.sqrt, 1, 2)
show("sqrt kw", math.sqrt, x=1)
show("ldexp(1.0, 1024)", math.ldexp, 1.0, 1024)
show("ldexp(1.5, -1074)", math.ldexp, 1.5, -1074)
show("ldexp(1.0, 2.0)", math.ldexp, 1.0, 2.0)
show("ldexp(1.0, 10**30)", math.ldexp, 1.0, 10**30)
show("ldexp(-1.0, -10**30)", math.ldexp, -1.0, -10**30)
show("ldexp(0.0, 10**30)", math.ldexp, 0.0, 10**30)
show("ldexp(3, True)", math.ldexp, 3, True)
show("frexp(2**1000)", math.frexp, 2**1000)
show("modf(-3.25)", math.modf, -3.25)
show("copysign(1)", math.copysign, 1)
show("nextafter(1)", math.nextafter, 1)
show("ulp(max)", math.ulp, 1.7976931348623157e308)
show("ulp(0)", math.ulp, 0.0)
show("ulp(-inf)", math.ulp, -math.inf)

# fsum, prod, hypot, dist.
show("fsum tenths", math.fsum, [0.1] * 10)
show("fsum cancel", math.fsum, [1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50])
show("fsum half-even", math.fsum, [1.0, 1e-16, 1e-16])
show("fsum ints", math.fsum, range(1, 101))
show("fsum mixed", math.fsum, [1, 2.5, True, Floaty()])
show("fsum empty", math.fsum, [])
show("fsum overflow", math.fsum, [1e308, 1e308])
show("fsum inf", math.fsum, [1.0, math.inf, 2.0])
show("fsum -inf+inf", math.fsum, [math.inf, -math.inf])
show("fsum nan", math.fsum, [1.0, math.nan])
show("fsum str", math.fsum, [1, "a"])
show("fsum 1", math.fsum, 1)
show("fsum gen", math.fsum, (next_float() for _ in range(200)))
show("prod", math.prod, [1, 2, 3, 4])
show("prod start", math.prod, [2, 3], start=10)
show("prod floats", math.prod, [0.1, 0.2, 0.3])
show("prod empty", math.prod, [])
show("prod strs", math.prod, [3], start="ab")
show("prod big", math.prod, range(1, 40))
show("prod 2 positional", math.prod, [1, 2], 1)
show("prod not iterable", math.prod, 5)
show("hypot()", math.hypot)
show("hypot(-3)", math.hypot, -3)
show("hypot(3, 4)", math.hypot, 3, 4)
show("hypot many", math.hypot, *[next_float() for _ in range(12)])
show("hypot tiny", math.hypot, 5e-324, 5e-324, 1e-320)
show("hypot huge", math.hypot, 1e308, 1e308)
show("hypot inf nan", math.hypot, math.nan, math.inf)
show("hypot nan", math.hypot, math.nan, 1.0)
show("hypot str", math.hypot, "a")
show("dist", math.dist, (1, 2, 3), (4, 6, 8))
show("dist lists", math.dist, [1.5, 2.5], [3, 4])
show("dist mismatch", math.dist, (1, 2), (1,))
show("dist ints", math.dist, 1, 2)
show("dist empty", math.dist, (), ())
show("isclose", math.isclose, 1.0, 1.0 + 1e-10)
show("isclose far", math.isclose, 1.0, 1.1)
show("isclose rel", math.isclose, 1.0, 1.1, rel_tol=0.2)
show("isclose abs", math.isclose, 0.0, 1e-12, abs_tol=1e-9)
show("isclose inf", math.isclose, math.inf, math.inf)
show("isclose neg tol", math.isclose, 1, 2, rel_tol=-1)
show("isclose missing", math.isclose, 1)
show("isclose positional tol", math.isclose, 1, 2, 3)

# Exact integer functions.
for n in [0, 1, 5, 20, 21, 50, 170, 171, 300]:
    print("factorial", n, math.factorial(n))
show("factorial(-1)", math.factorial, -1)
show("factorial(2.0)", math.factorial, 2.0)
show("factorial(10**20)", math.factorial, 10**20)
show("factorial(-10**20)", math.factorial, -10**20)
show("factorial(True)", math.factorial, True)
for n, k in [(10, 3), (10, 0), (10, 10), (10, 11), (100, 50), (2**70, 3), (60, 30), (0, 0)]:
    print("comb", n, k, math.comb(n, k), "perm", math.perm(n, k))
show("perm(7)", math.perm, 7)
show("perm(7, None)", math.perm, 7, None)
show("comb(-1, 2)", math.comb, -1, 2)
show("comb(5, -1)", math.comb, 5, -1)
show("comb(10**20, 10**19)", math.comb, 10**20, 10**19)
show("perm(5, -1)", math.perm, 5, -1)
show("perm(-5, 1)", math.perm, -5, 1)
show("comb(5)", math.comb, 5)
show("perm(5, 2, 3)", math.perm, 5, 2, 3)
show("comb(5.0, 2)", math.comb, 5.0, 2)
for n in [0, 1, 2, 3, 4, 15, 16, 17, 99, 2**52 + 1, 2**63 - 1, 2**64, 10**40 + 5, 10**100, Indexy()]:
    print("isqrt", n if not isinstance(n, Indexy) else "Indexy", math.isqrt(n))
show("isqrt(-1)", math.isqrt, -1)
show("isqrt(2.0)", math.isqrt, 2.0)
show("gcd()", math.gcd)
show("gcd(0)", math.gcd, 0)
show("gcd(-12)", math.gcd, -12)
show("gcd(12, 18, 27)", math.gcd, 12, 18, 27)
show("gcd big", math.gcd, 2**100 * 3, 2**80 * 9, -(2**90))
show("gcd(1.5)", math.gcd, 1.5)
show("gcd kw", math.gcd, x=1)
show("lcm()", math.lcm)
show("lcm(-4)", math.lcm, -4)
show("lcm(4, 6, 10)", math.lcm, 4, 6, 10)
show("lcm(4, 0)", math.lcm, 4, 0)
show("lcm(-4, 6)", math.lcm, -4, 6)
show("lcm big", math.lcm, 2**70, 3, 10**20)
show("trunc()", math.trunc)
show("frexp(1, 2)", math.frexp, 1, 2)
show("modf str", math.modf, "a")
print(math.sqrt.__name__, math.__name__, type(math.sqrt).__name__)
