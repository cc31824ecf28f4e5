# float arithmetic: special values, signs of zero, // and %, mixed with ints.
inf = float("inf")
nan = float("nan")
values = [0.0, -0.0, 1.5, -2.25, inf, -inf, 1e308, 5e-324]
for a in values:
    row = []
    for b in values:
        for op in ["+", "-", "*", "/", "//", "%", "**"]:
            try:
                if op == "+": r = a + b
                elif op == "-": r = a - b
                elif op == "*": r = a * b
                elif op == "/": r = a / b
                elif op == "//": r = a // b
                elif op == "%": r = a % b
                else: r = a ** b
                row.append(repr(r))
            except (ZeroDivisionError, OverflowError, ValueError) as e:
                row.append(type(e).__name__ + ":" + str(e))
    print(repr(a), " ".join(row))
print(nan + 1, nan == nan, nan != nan, nan < 1, nan > 1, nan is nan, -nan)
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7.5, -2), divmod(-0.0, 1), divmod(1e308, 1e-308) if False else "", divmod(5, 0.5))
print(-0.0, 0.0 * -1, -0.0 + 0.0, -0.0 - 0.0, abs(-0.0), -(0.0), 0.0 == -0.0)
print(1.5 + 2, 2 + 1.5, 3 * 0.5, 7 / 2.0, 7.0 // 2, 7 % 2.5, 2 ** 0.5, 2.0 ** -1, 10 ** -1, (-8) ** (1 / 3) if False else "")
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10, 2.0 ** 1023 * 2)
cases = [("1 / 0.0", lambda: 1 / 0.0), ("1 // 0.0", lambda: 1 // 0.0), ("1 % 0.0", lambda: 1 % 0.0),
         ("divmod(1.0, 0)", lambda: divmod(1.0, 0)), ("0.0 ** -1", lambda: 0.0 ** -1), ("10.0 ** 400", lambda: 10.0 ** 400),
         ("(-10.0) ** 401", lambda: (-10.0) ** 401), ("2 ** 1e10", lambda: 2 ** 1e10), ("1e300 * 1e300", lambda: 1e300 * 1e300)]
for text, function in cases:
    try:
        print(text, function())
    except (ZeroDivisionError, OverflowError) as e:
        print(text, type(e).__name__, e)
print((-8.0) ** 0.5 == (-8) ** 0.5, type((-8.0) ** 0.5).__name__)
print(1.0 == 1, 1.0 < 2 ** 70, 2.0 ** 70 == 2 ** 70, 1e300 < 10 ** 300, 1e300 > 10 ** 299, 0.1 + 0.2 == 0.3)
print(float(2 ** 53 + 1), float(-(2 ** 64)), float(2 ** 1023 * 2 - 2 ** 970) if False else "", 2 ** 53 + 1.0)
print(hash(1.0) == hash(1), hash(0.5), hash(-0.5), hash(1e100), hash(-1.0), hash(inf), hash(-inf), hash(1e-300), hash(2.0 ** 64))
print(hash(0.0), hash(-0.0), hash(1.5), hash(123456.789), hash(-2.0 ** 61), hash(2.0 ** 61 - 1 + 0.0))
