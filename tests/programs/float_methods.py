# float's methods: hex/fromhex, as_integer_ratio, is_integer, rounding, __getformat__.
values = [0.0, -0.0, 1.0, -1.5, 0.1, 1e300, 5e-324, 2.2250738585072014e-308, 123456.789, float("inf"), float("-inf"), float("nan")]
for x in values:
    print(repr(x), x.hex(), x.is_integer(), x.real, x.imag, x.conjugate(), float.fromhex(x.hex()) == x or x != x)
for x in values[:-3]:
    print(x.as_integer_ratio(), x.__trunc__(), x.__floor__(), x.__ceil__(), x.__round__(), round(x, 2), x.__getnewargs__())
for x in values[-3:]:
    for method in ["as_integer_ratio", "__trunc__", "__floor__", "__ceil__", "__round__"]:
        try:
            getattr(x, method)()
        except (ValueError, OverflowError) as e:
            print(method, type(e).__name__, e)
    print(round(x, 3), x.__round__(None) if False else "")
for text in ["0x1.8p1", "-0x1p-1074", "0x1.fffffffffffffp+1023", "  0X1.0P+0  ", "inf", "-Infinity", "nan", "0x.8", "1",
             "0x1p-1075", "0x1.0000000000000801p0", "0x3p-1076"]:
    print(text, float.fromhex(text))
for text in ["0x1p1024", "", "0x", "1e5", "0x1.g"]:
    try:
        float.fromhex(text)
    except (ValueError, OverflowError) as e:
        print(repr(text), type(e).__name__, e)
for x, n in [(2.675, 2), (0.125, 2), (0.375, 2), (2.5, 0), (3.5, 0), (-2.5, 0), (1234.5678, -2), (1e300, -301),
             (1.5, 300), (-0.5, 0), (0.5, 0), (1e16 + 2, -1), (5e-324, 323), (5e-324, 324), (0.1, 1)]:
    print(x, n, round(x, n), x.__round__(n))
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(-0.5), round(1.5), type(round(1.5)).__name__)
print(round(1e300), round(-2 ** 60 + 0.0))
print(round(1e308, -308 - 10 ** 20), round(1e308, 10 ** 20), float.fromhex("1e5"))
try:
    round(1.7976931348623157e308, -308)
except OverflowError as e:
    print(type(e).__name__, e)
print(float.__getformat__("double"), float.__getformat__("float"))
try:
    float.__getformat__("int")
except ValueError as e:
    print(type(e).__name__, e)
print((1.5).__add__(1), (1.5).__radd__(1), (1.5).__add__("x"), (2.0).__pow__(3), (2.0).__rpow__(3), (7.5).__divmod__(2))
print((7.5).__rdivmod__(2), (1.5).__mod__(-1), (1.5).__rmod__(4), (1.5).__floordiv__(0.4), (1.5).__int__(), (1.5).__float__())
print((1.5).__eq__(1.5), (1.5).__lt__(2), (1.5).__lt__("x"), (1.5).__hash__() == hash(1.5), (1.5).__bool__(), (0.0).__bool__())
print((-1.5).__abs__(), (1.5).__neg__(), (1.5).__pos__(), float.__name__, (1.5).__format__(".3f"))
try:
    (1.5).__pow__(2, 3)
except TypeError as e:
    print(type(e).__name__, e)
