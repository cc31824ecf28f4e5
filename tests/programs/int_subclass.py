# Instances of int subclasses carry their value and work with every int operation.
class MyInt(int):
    pass

class Named(int):
    def __repr__(self):
        return "Named(" + int.__repr__(self) + ")"

class Adder(int):
    def __add__(self, other):
        return "Adder.__add__"

a = MyInt(5)
b = MyInt("ff", 16)
big = MyInt(2 ** 70)
print(a, b, big, type(a).__name__, type(b).__name__)
print(repr(a), str(b), isinstance(a, int), type(a) is int)
print(a + 1, 1 + a, a * b, a - b, a // 2, a % 3, -a, +a, ~a, abs(MyInt(-3)))
print(type(a + 1).__name__, type(-a).__name__, type(+a).__name__, type(abs(a)).__name__)
print(a << 3, big >> 60, a & 3, a | 8, a ^ 1, a ** 2, pow(a, 2, 7), divmod(a, 2))
print(a / 2, a == 5, a != 5, a < 6, 5 <= a, a == 5.0, hash(a) == hash(5), hash(big) == hash(2 ** 70))
print(a.bit_length(), a.real, a.imag, a.numerator, a.denominator, a.conjugate(), type(a.real).__name__)
print(int(a), type(int(a)).__name__, float(a), [10, 20, 30, 40, 50, 60][a], "xyzzyx"[MyInt(2)])
print(format(a, "05d"), "%d" % a if False else "", hex(a), bin(b), oct(big))
print(round(MyInt(1234), -2), type(round(MyInt(12))).__name__, a.__index__(), a.__int__())
d = {a: "five", 5: "again"}
print(len(d), d[5])
a.extra = "attribute"
print(a.extra, a.__dict__)
n = Named(7)
print(repr(n), str(n), n + 1, [n])
x = Adder(3)
print(x + 1, 1 + x, x - 1)
print(int.__new__(MyInt, 9), type(int.__new__(MyInt, 9)).__name__)
print(MyInt(), MyInt(3.9), MyInt(-2.5), MyInt(True), type(MyInt(True)).__name__)

class WithInit(int):
    def __new__(cls, value, label):
        self = super().__new__(cls, value)
        self.label = label
        return self

w = WithInit(42, "answer")
print(w, w.label, w * 2)
print(sum([MyInt(1), MyInt(2), 3]), max(MyInt(1), MyInt(9)), sorted([MyInt(3), 1, MyInt(2)]))

try:
    class B(bool):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    int.__new__(str, 1)
except TypeError as e:
    print(type(e).__name__, e)
print(issubclass(bool, int), True + True, True * 3, True & False, True | False, True ^ True, ~True, -True)
print(type(True & False).__name__, type(True & 1).__name__, type(True + 0).__name__)
print(bool(), bool(0), bool(2), bool(""), bool("x"), bool([]), repr(True), str(False))
try:
    bool(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    bool(x=1)
except TypeError as e:
    print(type(e).__name__, e)
print(range(MyInt(3)), list(range(MyInt(2), MyInt(5))), [1, 2, 3][MyInt(1):], MyInt(5).__index__().__class__)
x = MyInt(7)
x += 1
print(x, type(x).__name__, MyInt(2) ** MyInt(3), -MyInt(0), bool(MyInt(0)), MyInt(3) < 2 ** 100, int.__add__(MyInt(1), 2))
