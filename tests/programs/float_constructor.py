# float(): text, numbers, special values, subclasses and errors.
for text in ["1.5", "  -2.5e3\n", "1_000.000_1", "+.5", "5.", "1e-400", "1e400", "-1e400", "inf", "-INF", "Infinity", "nan",
             "-nAn", "+nan", "0x10" if False else "10", "\u0661\u066b\u0665" if False else "7", "1E5", "  3  ", "\u0663.\u0661\u0664"]:
    print(repr(text), repr(float(text)))
for text in ["", " ", "1_", "_1", "1__0", "1.5.", "e5", "1e", "infinity1", "nan(1)", "0x10", "1,5", "--1", "1 2"]:
    try:
        float(text)
    except ValueError as e:
        print(type(e).__name__, e)
print(float(), float(3), float(-2 ** 63), float(True), float(2 ** 1023), float(1.5))
for bad in [None, [1], "x" * 0 + "abc"]:
    try:
        float(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    float(2 ** 1024)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    float(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    float(x=1)
except TypeError as e:
    print(type(e).__name__, e)

class HasFloat:
    def __float__(self):
        return 2.5

class HasIndex:
    def __index__(self):
        return 7

print(float(HasFloat()), float(HasIndex()))

class MyFloat(float):
    pass

class Celsius(float):
    def __repr__(self):
        return "Celsius(" + float.__repr__(self) + ")"

m = MyFloat(2.5)
print(m, repr(m), type(m).__name__, isinstance(m, float), m + 1, 1 + m, m * m, m / 2, -m, abs(MyFloat(-1.0)), m ** 2)
print(type(m + 1).__name__, type(-m).__name__, m == 2.5, m < 3, hash(m) == hash(2.5), m.is_integer(), m.hex(), int(m))
print(MyFloat("1e3"), MyFloat(), MyFloat(7), round(m), round(m, 1), m.as_integer_ratio(), m.real, type(m.real).__name__)
m.note = "hi"
print(m.note, m.__dict__, {m: 1}[2.5])
c = Celsius(21.5)
print(c, repr(c), [c], c + 0.5, format(c, ".2f"), float(c), type(float(c)).__name__)
print(float.__new__(MyFloat, 3), type(float.__new__(MyFloat, 3)).__name__, divmod(m, 1), m // 1, m % 1)
