# Deterministic pseudo-random operands (an LCG) through complex, float and int operations,
# including infinities, NaNs, signed zeros and subnormals: every result must be CPython's.
state = 12345
def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (2 ** 64)
    return state

specials = [0.0, -0.0, 1.0, -1.0, 0.5, 1e-310, 1e308, float("inf"), float("-inf"), float("nan"), 3.0, 1e16, 2.5, -7.25]
def rfloat():
    r = rnd()
    if r % 4 == 0:
        return specials[(r >> 8) % len(specials)]
    mant = (r >> 11) / 2 ** 53
    exp = (r >> 3) % 40 - 20
    sign = -1 if r & 4 else 1
    return sign * mant * 10.0 ** exp

out = []
for i in range(300):
    a = complex(rfloat(), rfloat())
    b = complex(rfloat(), rfloat())
    row = [repr(a)]
    for name, f in [("+", lambda: a + b), ("-", lambda: a - b), ("*", lambda: a * b), ("/", lambda: a / b),
                    ("**", lambda: a ** b), ("**i", lambda: a ** ((rnd() % 9) - 4)), ("abs", lambda: abs(a)),
                    ("fmt", lambda: format(a, ["", ".3g", "e", ".2f", "^30", "+", "n", ".0e", "#g", ",.1f"][rnd() % 10]))]:
        try:
            row.append(repr(f()))
        except Exception as e:
            row.append(type(e).__name__ + ":" + str(e))
    out.append(" ".join(row))
for i in range(300):
    x = rfloat()
    y = rfloat()
    row = [repr(x)]
    for name, f in [("//", lambda: x // y), ("%", lambda: x % y), ("**", lambda: x ** y), ("divmod", lambda: divmod(x, y)),
                    ("round", lambda: round(x, (rnd() % 12) - 4)), ("hex", lambda: x.hex()), ("fmt", lambda: format(x, [".3g", "e", ".2f", "%", "g", ",.3f", "#.0f", ".17g"][rnd() % 8])),
                    ("ratio", lambda: x.as_integer_ratio()), ("hash", lambda: hash(x) if x == x else 0)]:
        try:
            row.append(repr(f()))
        except Exception as e:
            row.append(type(e).__name__ + ":" + str(e))
    out.append(" ".join(row))
for i in range(300):
    m = rnd() * rnd() * (-1 if rnd() % 2 else 1) >> (rnd() % 100)
    n = (rnd() >> (rnd() % 64)) * (-1 if rnd() % 2 else 1) or 7
    row = [str(m), str(n)]
    for name, f in [("//", lambda: m // n), ("%", lambda: m % n), ("/", lambda: m / n), ("pow", lambda: pow(m, abs(n) % 1000, n)),
                    ("inv", lambda: pow(n, -1, abs(m) + 2)), ("<<", lambda: m << (abs(n) % 100)), (">>", lambda: m >> (abs(n) % 100)),
                    ("&", lambda: m & n), ("|", lambda: m | n), ("^", lambda: m ^ n), ("hash", lambda: hash(m)), ("cmp", lambda: (m < float(n), m == float(m))),
                    ("round", lambda: round(m, -(abs(n) % 25))), ("fmt", lambda: format(m, ["x", "_b", ",", "+#o", "e", ".3%", "^40", "n"][rnd() % 8]))]:
        try:
            row.append(repr(f()))
        except Exception as e:
            row.append(type(e).__name__ + ":" + str(e))
    out.append(" ".join(row))
for line in out:
    print(line)
