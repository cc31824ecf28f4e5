# Division, modulo, powers, shifts and bitwise operators on ints and floats (the numeric library).
print(7 / 2, 7 // 2, -7 // 2, 7 % -3, 2 ** 10, 2 ** -1, 2 ** 100, 1 << 70, -5 >> 1, 6 & 3, 6 | 3, 6 ^ 3)
print(7.5 // 2, -7.5 % 2, 2.0 ** 0.5, 10 / 4, 1e308 * 10, 3 % 1.5)
x = 10
x //= 3
x **= 3
print(x)
