# Big integers users hit: a 10,000-digit multiplication, pow with a modulus,
# CPython's 4300-digit limit on int<->str and sys.set_int_max_str_digits.
import sys

a = 7 ** 11834          # 10,001 digits
b = 3 ** 20960 + 12345  # 10,001 digits
print(a.bit_length(), b.bit_length())
sys.set_int_max_str_digits(0)
print(len(str(a)), len(str(b)))
product = a * b
digits = str(product)
print(len(digits), digits[:30], digits[-30:])
print(product % 1000000007, product.bit_length(), product // a == b, product % b)
print(int(digits) == product, int(digits[::-1][:5000]) % 97)
print((a - b) % 10 ** 20, -product // 10 ** 19990, divmod(-product, 10 ** 19995)[0])
print(hash(product), hash(-product), hash(product) == hash(product + 0))
print(hex(product)[:20], len(hex(product)), oct(a)[-10:], bin(b)[-20:])
print(product.to_bytes(len(hex(product)) // 2, "big")[:8], int.from_bytes(product.to_bytes(9000, "little"), "little") == product)
print(a ** 2 == a * a, (a * b) // (b * a), (a << 1000) >> 1000 == a, ~a == -a - 1)
print(format(a, ",")[:14], f"{b:_x}"[-14:], "%d" % (a % 10 ** 30))

# pow with a modulus (and a negative exponent: the modular inverse).
print(pow(3, 10 ** 6, 10 ** 9 + 7), pow(a, b, 10 ** 40 + 9), pow(2, 10 ** 5, 1))
print(pow(38, -1, 97), (38 * pow(38, -1, 97)) % 97, pow(3, -2, 7), pow(-3, 5, 7), pow(3, 5, -7), pow(0, 0, 5))
for args in ((2, -1, 4), (2, 3, 0), (2.0, 3, 5), (2, 3.0, 5), (2, -1, 1)):
    try:
        print(args, pow(*args))
    except (ValueError, TypeError) as e:
        print(args, type(e).__name__, e)

# The 4300-digit limit.
sys.set_int_max_str_digits(4300)
print(sys.get_int_max_str_digits(), sys.flags.int_max_str_digits)
print(len(str(int("1" * 4300))))
for text in ("1" * 4301, "-" + "9" * 5000, "  " + "1" * 4301 + "  "):
    try:
        int(text)
    except ValueError as e:
        print("ValueError", e)
try:
    str(10 ** 4300)
except ValueError as e:
    print("ValueError", e)
try:
    repr(-10 ** 5000)
except ValueError as e:
    print("ValueError", e)
try:
    f"{10 ** 4400}"
except ValueError as e:
    print("ValueError", e)
print(len(hex(10 ** 5000)), int("f" * 5000, 16) % 1000, int("1" * 5000, 2) % 1000)  # power-of-two bases are exempt
print(int("1" * 4300 + "_" + "1" * 0) if False else len(str(10 ** 4299)))
for value in (0, 640, 4301):
    sys.set_int_max_str_digits(value)
    print(value, sys.get_int_max_str_digits(), len(str(10 ** 4300)) if value in (0, 4301) else "skip")
try:
    sys.set_int_max_str_digits(639)
except ValueError as e:
    print("ValueError", e)
sys.set_int_max_str_digits(640)
try:
    int("2" * 641)
except ValueError as e:
    print("ValueError", e)
try:
    sys.set_int_max_str_digits(maxdigits="x")
except TypeError as e:
    print("TypeError", e)
sys.set_int_max_str_digits(4300)
