# Integer arithmetic: signs of // and %, pow with a modulus, huge operands.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (6, 3), (-6, 3), (2 ** 70, 3), (-(2 ** 70), 3),
         (2 ** 70, -(2 ** 65 + 1)), (-(10 ** 25), -(10 ** 12)), (9223372036854775807, -1), (-9223372036854775808, -1)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b), a / b, a * b, a + b, a - b)
for a, b in [(1, 0), (2 ** 80, 0), (0, 0)]:
    for op in ["//", "%", "/", "divmod"]:
        try:
            if op == "//":
                a // b
            elif op == "%":
                a % b
            elif op == "/":
                a / b
            else:
                divmod(a, b)
        except ZeroDivisionError as e:
            print(op, type(e).__name__, e)
print(2 ** 10, 2 ** 100, (-2) ** 63, (-2) ** 64, 2 ** -1, (-2) ** -3, 0 ** 0, 10 ** -20, 7 ** 0)
try:
    0 ** -1
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(pow(2, 10, 1000), pow(3, 200, 10 ** 9 + 7), pow(-3, 3, 7), pow(3, 3, -7), pow(5, 0, 1), pow(5, 0, -1))
print(pow(3, -1, 7), pow(38, -1, 97), pow(2, -3, 11), pow(-4, -2, 9), pow(7, -1, -10), pow(2 ** 90, -1, 10 ** 9 + 9))
print(pow(12345678901234567890, 98765432109876543210, 10 ** 30 + 57))
for args in [(2, -1, 4), (3, 2, 0), (0, -1, 5)]:
    try:
        pow(*args)
    except (ValueError, ZeroDivisionError) as e:
        print(args, type(e).__name__, e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    pow("a", 3, 5)
except TypeError as e:
    print(type(e).__name__, e)
print(1 << 100, -1 << 70, (1 << 100) >> 98, -(2 ** 100) >> 99, -1 >> 1000, 5 >> 64, 0 << 1000)
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
print(-(2 ** 70) & 0xFFFF, -(2 ** 70) | 5, (2 ** 70) ^ -1, ~(2 ** 70), -5 & -3, -5 | 3, -5 ^ 3)
print(2 ** 64 // 2 ** 32, 10 ** 40 // 7, -(10 ** 40) // 7, 10 ** 40 % 7, -(10 ** 40) % 7, 10 ** 40 % -7)
# True division of huge ints is correctly rounded.
print(10 ** 400 / 10 ** 399, (2 ** 1100 + 1) / 2 ** 1000, 1 / 3 ** 500, (10 ** 300 + 1) / 10 ** 290, 2 ** 1074 // 2 ** 1073)
try:
    10 ** 400 / 3
except OverflowError as e:
    print(type(e).__name__, e)
try:
    float(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
# 10,000-digit multiplication.
a = 7 ** 11835
b = 3 ** 20959 + 1
c = a * b
print(a.bit_length(), b.bit_length(), c.bit_length(), c % (10 ** 40), c // a == b, c % a, hash(c))
print(hex(c)[:40], hex(c)[-20:], (c - 1) // b == a - 1)
f = 1
for i in range(1, 1001):
    f *= i
print(f.bit_length(), f % (10 ** 30 + 7), str(f)[:30], len(str(f)))
# Comparisons between big ints and floats are exact.
print(2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53, 2 ** 53 == 2.0 ** 53, 10 ** 400 > 1e308, -(10 ** 400) < -1e308)
print(10 ** 400 < float("inf"), 10 ** 400 == float("inf"), 1 < float("nan"), 1 == float("nan"), 1 != float("nan"))
print(9007199254740993 == 9007199254740992.0, 9007199254740993 < 9007199254740994.0, 0.5 < 1, -0.0 == 0)
print(2 ** 63 == 9.223372036854775808e18, 2 ** 63 - 1 < 9.223372036854775808e18, 2 ** 63 - 1 == 9.223372036854775808e18)
x = 5
x += 2 ** 70
x -= 1
x *= 3
x //= 7
x %= 10 ** 15
x **= 2
x <<= 3
x >>= 1
x &= 0xFFFFFFFFFFFF
x |= 1
x ^= 2
print(x)
try:
    1 + "a"
except TypeError as e:
    print(type(e).__name__, e)
try:
    [] < 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    -"a"
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 @ 2
except TypeError as e:
    print(type(e).__name__, e)
