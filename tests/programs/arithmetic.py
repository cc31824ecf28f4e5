# Integer and float arithmetic, with ints growing past 64 bits.
a = 7
b = 3
print(a + b, a - b, a * b, -a, +a, ~a)
print(a > b, a < b, a == 7, a != 7, a >= 7, a <= 6)
print(1.5 + 2, 3 - 0.25, 2.0 * 4, -0.0)
big = 1
n = 0
while n < 100:
    big = big * 7
    n += 1
print(big)
print(big - big + 1, 9223372036854775807 + 1, -9223372036854775807 - 2)
print(not 0, not 1, not None, None is None, a is not None)
