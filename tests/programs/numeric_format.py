# format() and hex/oct/bin for int, bool and float.
ints = [0, 7, -7, 255, -255, 1234567, 2 ** 70, -(2 ** 70), True]
specs = ["", "d", "5d", "<6d", "^7d", "=+8d", "x", "X", "#x", "#X", "o", "#o", "b", "#b", "c" if False else "n", ",", "_",
         "_x", "_b", "+", " ", "-", "08,d", "e", ".2f", "%", "g", ".3g", "#010x", "*^9", "0=10", "z" if False else ""]
for n in ints:
    print(n, "|".join(format(n, spec) for spec in specs))
print(format(65, "c"), format(0x1F600, "c"), hex(255), hex(-255), oct(8), oct(-8), bin(5), bin(-5), hex(2 ** 100), bin(0))
print(hex(True), oct(False), bin(2 ** 64))
for spec in ["s", "?", ".2d", "+c", ",c", ",x" if False else "=s", "z"]:
    try:
        print(format(5, spec))
    except ValueError as e:
        print(repr(spec), type(e).__name__, e)
try:
    format(2 ** 30, "c")
except OverflowError as e:
    print(type(e).__name__, e)
for bad in [1.5, "a", None]:
    try:
        hex(bad)
    except TypeError as e:
        print(type(e).__name__, e)

class Idx:
    def __index__(self):
        return 10

print(hex(Idx()), oct(Idx()), bin(Idx()))
floats = [0.0, -0.0, 1.5, -1234.5678, 1e16, 1.23e-5, 100.0, float("inf"), float("-inf"), float("nan"), 2.5, 1e300]
fspecs = ["", "f", ".2f", "10.3f", "<10.1f", "e", ".3E", "g", ".3g", "G", "%", ".1%", ",", ",.2f", "_.3f", "+", " .1f",
          "#g", "#.0f", "#.0e", "010.2f", "^12.4g", "z.1f", "n", ".0f", ".20g", "r" if False else "", "=+12,.3f"]
for x in floats:
    print(repr(x), "|".join(format(x, spec) for spec in fspecs))
for spec in ["d", "x", "c", "#", ".2s"]:
    try:
        print(format(1.5, spec))
    except ValueError as e:
        print(repr(spec), type(e).__name__, e)
print("{:.3f} {:>8} {:+d} {:x}".format(3.14159, 42, 5, 255) if False else "", format(-0.0, "z.2f"), format(-0.001, "z.1f"))
print(format(123456789, ",").count(","), format(12.5, ".0f"), format(13.5, ".0f"), format(0.125, ".2f"), format(2.675, ".2f"))
