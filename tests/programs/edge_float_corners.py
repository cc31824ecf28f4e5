# Float corner cases: nan, inf, -0.0, rounding of halves, and NaN identity
# in containers (containers compare identity first).
import math

nan, inf = float("nan"), float("inf")
for value in (nan, -nan, inf, -inf, 0.0, -0.0, 5e-324, 1.7976931348623157e308, 0.1 + 0.2, 1e16, 1e-5, 123456789012345678.0):
    print(repr(value), str(value), format(value, ".3g"), f"{value:e}", f"{value:+.2f}", math.copysign(1, value),
          value.is_integer() if math.isfinite(value) else "-", hash(value) if not math.isnan(value) else "nan")
print(nan == nan, nan != nan, nan < 1, nan > 1, nan is nan, math.isnan(nan * 0), inf - inf, inf * 0, -inf + inf)
print(0.0 == -0.0, hash(0.0) == hash(-0.0), repr(-0.0 + 0.0), repr(-0.0 * 1), repr(0.0 * -1), repr(-0.0 - 0.0), repr(abs(-0.0)))
print(1 / inf, -1 / inf, inf > 10 ** 400, -inf < -10 ** 400, float(10 ** 308) < inf, max(inf, nan), min(nan, inf))
for operation in ("1 / 0.0", "1.0 // 0", "1.0 % 0", "divmod(1.0, 0)", "float('inf') // 1", "math.fmod(inf, 1)",
                  "int(inf)", "int(nan)", "round(inf)", "round(nan)", "math.floor(nan)", "2.0 ** 10000", "(-8.0) ** (1/3)",
                  "10.0 ** -400", "0.0 ** -1", "float('1e400')", "inf.as_integer_ratio()", "nan.as_integer_ratio()"):
    try:
        print(operation, "=", eval(operation))
    except Exception as e:
        print(operation, "->", type(e).__name__, e)
print(divmod(-7.5, 2), divmod(7.5, -2), -7.5 % 2, 7.5 // -2, divmod(-0.0, 1), divmod(inf, 1) if False else "", 5 % -inf, -5 % inf)

# Rounding of halves: banker's rounding for round(), exact decimal value for ndigits.
print([round(x) for x in (0.5, 1.5, 2.5, -0.5, -1.5, 3.5, 4.5, 1e16 + 1)])
print(round(2.675, 2), round(0.125, 2), round(0.375, 2), round(1.005, 2), round(-2.5), round(2.5, 0), round(25, -1), round(35, -1))
print(round(-0.0), repr(round(-0.4)), repr(round(-0.0, 1)), round(123.456, -2), round(1e300, -301), round(5e-324, 400))
print(f"{0.5:.0f} {1.5:.0f} {2.5:.0f} {0.125:.2f} {2.675:.2f} {1e22:.0f} {-0.0:.1f} {-0.0:g} {nan:5} {inf:+}")
print("%.0f %.0f %.1f %e %g %g" % (0.5, 1.5, 0.25, -0.0, 1e-5, 1e16))
print(float("-0"), float(" nan "), float("-iNF"), float("infinity"), float("1_0.5"), float.fromhex("-0x0p+0"), (-0.0).hex())

# NaN identity: the same object is found in containers.
x = float("nan")
items = [x]
print(x in items, items == [x], items.count(x), items.index(x), (x,) == (x,), x in (x,), x in {x}, {x: 1}[x])
print([x] == [float("nan")] if False else "skip", x in {x: 0}, [x, 1] < [x, 2], list(filter(lambda v: v == v, items)))
print(math.nan in [math.nan], {math.nan: 1}.get(math.nan), [math.nan].index(math.nan))
