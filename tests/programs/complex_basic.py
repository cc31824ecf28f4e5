# complex: literals, repr, arithmetic, parsing, abs, **, attributes and errors.
inf = float("inf")
nan = float("nan")
values = [1j, 2 + 3j, -1 - 1j, 0j, -0j, complex(0.0, -0.0), complex(-0.0, 0.0), complex(-0.0, -0.0), 1.5 - 2.25j,
          complex(inf, nan), complex(nan, -inf), 1e300j, complex(1e-320, 5), complex(2, 0), 3 + 0j, -(0j), 1e16j]
for z in values:
    print(repr(z), str(z), z.real, z.imag, z.conjugate(), abs(z), bool(z), -z, +z, z == z, hash(z) if z == z else "")
print(type(1j).__name__, isinstance(1j, complex), complex.__name__, (1 + 2j).__getnewargs__(), (1 + 2j).__complex__())
a = 3 + 4j
b = 1 - 2j
print(a + b, a - b, a * b, a / b, a ** 2, a ** 0.5, a ** b, a ** -1, a ** 0, 0j ** 0, 0j ** 2, (1j) ** 2, (1 + 1j) ** 10)
print(a + 1, 1 + a, a - 1.5, 1.5 - a, a * 2, 2 * a, a / 2, 2 / a, a == 3 + 4j, a != 3, 3 + 0j == 3, 3 + 0j == 3.0, a == "x")
print(2 ** a, 2.0 ** a, True + a, a * True, (-8) ** (1 / 3), (-1) ** 0.5, abs(3 - 4j), abs(complex(inf, nan)))
print(complex(1e200, 1e200) * complex(1e200, 1e200), complex(1e308, 1e308) / complex(1e308, 1e308), abs(complex(1e308, 1e308)) if False else "")
print(complex(1, 1) / complex(1e-320, 1e-320), complex(3, 4) / complex(0, 2), complex(3, 4) / 1e-310)
for text in ["1+2j", " (1-2j) ", "j", "-j", "+1.5J", "3", "-3.5e2", "1e3j", "inf+nanj", "-infj", "(4)", "1_0+2_0j",
             "0x1" if False else "1j", "  2.5-1j\n"]:
    print(repr(text), complex(text))
for text in ["", "1+", "1+2", "j1", "(1+2j", "1+2j)", "1 + 2j", "1+2jj", "abc", "1__0j", "()", "nanj+1"]:
    try:
        complex(text)
    except ValueError as e:
        print(repr(text), type(e).__name__, e)
print(complex(), complex(1), complex(1.5, 2), complex(1j, 1j), complex(2, 1j), complex(real=1, imag=2), complex(True, 2 ** 70))
for args in [("1", 2), (1, "2"), (None,), ([],)]:
    try:
        complex(*args)
    except TypeError as e:
        print(type(e).__name__, e)

class HasComplex:
    def __complex__(self):
        return 5j

class HasFloat:
    def __float__(self):
        return 2.5

class HasIndex:
    def __index__(self):
        return 4

print(complex(HasComplex()), complex(HasFloat()), complex(HasIndex()), complex(HasFloat(), HasIndex()))
for op in ["//", "%", "divmod", "<", "int", "float", "round", "mod pow", "0 div", "0 pow"]:
    try:
        if op == "//": a // b
        elif op == "%": a % b
        elif op == "divmod": divmod(a, b)
        elif op == "<": a < b
        elif op == "int": int(a)
        elif op == "float": float(a)
        elif op == "round": round(a)
        elif op == "mod pow": pow(a, 2, 3)
        elif op == "0 div": a / 0j
        else: 0j ** -1
    except (TypeError, ValueError, ZeroDivisionError) as e:
        print(op, type(e).__name__, e)
try:
    complex(1e308, 1e308) ** 2
except OverflowError as e:
    print(type(e).__name__, e)
try:
    (1 + 1j) ** (10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
print(hash(1 + 0j) == hash(1), hash(1j), hash(2 - 3j), hash(complex(0.5, -0.5)), hash(complex(inf, -inf)), hash(-1 + 0j))
z = 1 + 1j
z += 1
z *= 1j
z -= 2
z /= 2
z **= 2
print(z, (2 + 3j).__add__(1), (2 + 3j).__radd__(1), (2 + 3j).__rsub__(1), (2 + 3j).__rtruediv__(1), (2 + 3j).__add__("x"))
print(format(1 + 2j), format(1.5 - 2j, ".2f"), format(1 + 2j, "^20"), format(-0j, ""), format(1e20j, "g"), format(1 + 2j, "+.3e"))
print(format(complex(1, -0.0), ">15,.1f"), format(3j, "10"), format(3 + 0j, ""), format(1 + 2j, "*<12.1g"))
for spec in ["d", "=10", "010", "%", "c"]:
    try:
        print(format(1 + 2j, spec))
    except ValueError as e:
        print(repr(spec), type(e).__name__, e)

class MyComplex(complex):
    pass

m = MyComplex(1, 2)
print(m, repr(m), type(m).__name__, m + 1, type(m + 1).__name__, m.real, m == 1 + 2j, abs(m), complex(m), type(complex(m)).__name__)
for args, kwargs in [((1, 2, 3), {}), ((1,), {"real": 2}), ((), {"foo": 1}), ((), {"imag": 2, "real": 1})]:
    try:
        print(complex(*args, **kwargs))
    except TypeError as e:
        print(type(e).__name__, e)
for args, kwargs in [((1, 2, 3), {}), (("1", 2), {"base": 3}), (("1",), {"x": 1, "base": 2}), ((), {"base": 2})]:
    try:
        print(int(*args, **kwargs))
    except TypeError as e:
        print(type(e).__name__, e)
print(format(1e20, "#"), format(1.0, "#"), format(1e-7, "#"), format(5e-324, "#"), format(1 + 2j, "#"), format(1e16j, "#"), format(-0j, "#"))
print(format(1 + 2j, ".3"), format(123.456 + 7j, "10.2"), format(1j, "<8"), format(1j, "e"), format(complex(1, float("nan")), "+"))
print(complex("1e500j"), complex(" \u0663+\u0664j "), complex("\u3000 1j"), complex("-nan+nanj"), complex("(  1  )"))
