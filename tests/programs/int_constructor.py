# int(): strings with bases, underscores and whitespace, floats, and errors.
tests = [("10",), ("  -42\n",), ("+7",), ("1_000_000",), ("0x1F", 16), ("0x1F", 0), ("0o17", 0), ("0b101", 0),
         ("z", 36), ("Z", 36), ("0", 0), ("00", 0), ("0_0", 0), ("1_2", 0), ("ff", 16), ("\u0663\u0664",),
         ("  0b_1_0  ", 0), ("12", 3), ("-0x10", 16), ("\t\n 5 \x0b",)]
for args in tests:
    print(repr(args), int(*args))
bad = [("",), ("1__0",), ("_1",), ("1_",), ("0x",), ("08", 0), ("12", 2), ("1.5",), ("abc",), ("0x1F", 10),
       ("1 2",), ("--1",), ("z", 35), ("9", 1), ("9", 37), ("9", -1), (" ",)]
for args in bad:
    try:
        print(int(*args))
    except ValueError as e:
        print(type(e).__name__, e)
print(int(3.99), int(-3.99), int(1e20), int(-0.0), int(2.0 ** 80), int(True), int())
for value in [float("nan"), float("inf"), float("-inf")]:
    try:
        int(value)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    int(1.5, 10)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    int(None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int("10", "2")
except TypeError as e:
    print(type(e).__name__, e)
try:
    int(x="10")
except TypeError as e:
    print(type(e).__name__, e)
print(int("10", base=2), int(x="10", base=8) if False else "")

class HasIndex:
    def __index__(self):
        return 12

class HasInt:
    def __int__(self):
        return 13

class HasTrunc:
    def __trunc__(self):
        return 14

print(int(HasIndex()), int(HasInt()), int(HasTrunc()), int("11", HasIndex()))

# The 4300-digit limit on conversions to and from decimal text.
try:
    int("1" * 4301)
except ValueError as e:
    print(type(e).__name__, e)
print(int("1" * 4300) % 1000, len(str(10 ** 4299)))
try:
    str(10 ** 4300)
except ValueError as e:
    print(type(e).__name__, e)
try:
    repr(-10 ** 5000)
except ValueError as e:
    print(type(e).__name__, e)
print(int("f" * 5000, 16).bit_length(), len(hex(10 ** 5000)))
print(int("1" * 4301, 2).bit_length())
