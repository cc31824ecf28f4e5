# The attributes of the numeric types are CPython 3.11's exactly.
for t in [int, bool, float, complex]:
    print(t.__name__, sorted(t.__dict__))
print(sorted(set(dir(bool)) ^ set(dir(int))))
for value in [5, True, 2.5, 1j]:
    print(type(value).__name__, [name for name in sorted(set(dir(value))) if not hasattr(object, name)])
print(issubclass(bool, int), isinstance(True, int), isinstance(1, bool), isinstance(1.0, complex), isinstance(1j, complex))
print(type(1), type(True), type(1.0), type(1j), type(2 ** 100), int, complex)
print(float.__new__ is int.__new__, complex.__name__, repr(int.bit_length), repr(float.hex), repr(complex.conjugate))
print((5).__getattribute__("real"), (2.5).__getattribute__("imag"), (1j).__getattribute__("imag"), int.__doc__ is None or True)
try:
    (5).__getattribute__("nope")
except AttributeError as e:
    print(type(e).__name__, e)
