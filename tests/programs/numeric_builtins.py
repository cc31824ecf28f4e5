# abs, divmod, pow, round, hex/oct/bin and hash across the numeric types and user classes.
print(abs(-5), abs(5), abs(-2 ** 100), abs(-0.0), abs(-1.5), abs(3 + 4j), abs(True), abs(False), type(abs(True)).__name__)
try:
    abs("x")
except TypeError as e:
    print(type(e).__name__, e)
print(divmod(7, 2), divmod(-7, 2.0), divmod(7.5, -2), divmod(True, 2), divmod(2 ** 70, 7), divmod(-1, 2 ** 70))
for a, b in [("a", 1), (1, "a"), (1j, 1), (None, None)]:
    try:
        divmod(a, b)
    except TypeError as e:
        print(type(e).__name__, e)

class Money:
    def __init__(self, cents):
        self.cents = cents
    def __divmod__(self, other):
        return ("divmod", self.cents, other)
    def __rdivmod__(self, other):
        return ("rdivmod", other, self.cents)
    def __round__(self, ndigits=None):
        return ("round", ndigits)
    def __pow__(self, other, modulus=None):
        return ("pow", other, modulus)
    def __rpow__(self, other):
        return ("rpow", other)
    def __index__(self):
        return 42
    def __abs__(self):
        return "abs"

m = Money(5)
print(divmod(m, 3), divmod(3, m), round(m), round(m, 2), round(m, None), m ** 2, 2 ** m, pow(m, 2, 5), pow(m, 2), abs(m))
print(hex(m), oct(m), bin(m), hex(-1), bin(-(2 ** 65)), oct(0), hex(True))
print(pow(2, 10), pow(2.0, 3), pow(2, -2), pow(-8, 1 / 3) == (-8) ** (1 / 3), pow(1j, 2), pow(2, 3, 5), pow(base=2, exp=5, mod=7))
for args in [(2, 3, 5.0), (2, 3, 1j), (2.0, 3, 5), (1j, 2, 3), ("2", 3, 5), (2, 3, "5")]:
    try:
        print(pow(*args))
    except (TypeError, ValueError) as e:
        print(args, type(e).__name__, e)
print(round(2.5), round(-0.5), round(7), round(7, -1), round(25, -1), round(35, -1), round(1.25, 1), round(1.35, 1))
print(round(True), round(2 ** 100, -29), round(-(2 ** 100), -29), round(5.5, None), type(round(5.5, None)).__name__)
for bad in [(1j,), ("x",), (1.5, "2"), (None,)]:
    try:
        round(*bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    round(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    round(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
# Equal numbers hash alike across int, float, complex and bool.
for n in [0, 1, -1, -2, 2 ** 61 - 1, 2 ** 61, -(2 ** 61), 2 ** 64, 2 ** 100, -(2 ** 100), 10 ** 30, 12345678901234567890]:
    print(n, hash(n), hash(float(n)) == hash(n) or float(n) != n, hash(complex(n, 0)) == hash(n) or complex(n) != n)
print(hash(True), hash(False), hash(0.5), hash(-0.25), hash(1e-10), hash(1.5e300), hash(float("inf")), hash(3 + 4j), hash(-1j))
print({1: "a", 1.0: "b", True: "c", 1 + 0j: "d"}, {0, 0.0, False, 0j}, len({2 ** 64, 2.0 ** 64}))
