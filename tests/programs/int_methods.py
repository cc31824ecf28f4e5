# The methods and attributes of int.
for n in [0, 1, -1, 255, -256, 2 ** 63, -2 ** 63, 2 ** 64 - 1, 10 ** 30, -(10 ** 30)]:
    print(n, n.bit_length(), n.bit_count(), n.as_integer_ratio(), n.conjugate(), n.real, n.imag,
          n.numerator, n.denominator, n.__trunc__(), n.__floor__(), n.__ceil__(), n.__round__(),
          n.__index__(), n.__int__(), n.__float__(), n.__getnewargs__(), n.__bool__(), n.__abs__())
for n, digits in [(1234567, -2), (1250, -2), (1350, -2), (-1250, -2), (-1350, -2), (15, -1), (25, -1),
                  (5, -1), (-5, -1), (123, 2), (123, 0), (10 ** 30 + 5 * 10 ** 10, -11), (7, -100), (2 ** 100, -25)]:
    r = round(n, digits)
    print(n, digits, r, type(r).__name__, n.__round__(digits))
try:
    round(5, 1.5)
except TypeError as e:
    print(type(e).__name__, e)
print(round(5, None), round(True), type(round(True)).__name__, round(False, -1))
print(int.from_bytes([1, 0], "big"), int.from_bytes([1, 0], "little"), int.from_bytes([255], "big", signed=True))
print(int.from_bytes([], "big"), int.from_bytes([0, 0, 1], byteorder="big"), int.from_bytes((255, 255), "little", signed=False))
print(int.from_bytes([0x80] + [0] * 15, "big", signed=True))
try:
    int.from_bytes([1], "middle")
except ValueError as e:
    print(type(e).__name__, e)
try:
    int.from_bytes([256], "big")
except ValueError as e:
    print(type(e).__name__, e)
print(int.__getnewargs__(5), (5).__sizeof__() > 0, int.__name__, int.__qualname__)
print((3).__add__(4), (3).__radd__(4), (3).__sub__(4), (3).__rsub__(4), (3).__add__(1.5), (3).__pow__(2, 5))
print((7).__divmod__(2), (7).__rdivmod__(2), (7).__truediv__(2), (7).__rtruediv__(2), (7).__floordiv__(0.5))
print((5).__lt__(6), (5).__eq__(5.0), (5).__eq__("5"), (5).__format__("x"), (5).__format__(""))
print(int.conjugate(True), type(int.conjugate(True)).__name__, True.real, type(True.numerator).__name__)
print(int.bit_length(True), (True).as_integer_ratio())
try:
    int.bit_length(1.5)
except TypeError as e:
    print(type(e).__name__, e)
