# int.to_bytes and int.from_bytes with bytes objects (needs the bytes type).
for n, length, order, signed in [(0, 1, "big", False), (255, 1, "big", False), (256, 2, "little", False), (-1, 1, "big", True),
                                 (-128, 1, "big", True), (2 ** 64, 9, "big", False), (-(2 ** 63), 8, "little", True), (1, 0, "big", False) if False else (0, 0, "big", False)]:
    data = n.to_bytes(length, order, signed=signed)
    print(n, data, int.from_bytes(data, order, signed=signed))
print((1024).to_bytes(2), (1024).to_bytes(2, "little"), (-1).to_bytes(1, signed=True), (5).to_bytes())
for args, kwargs in [((1, "big"), {}), ((256, 1, "big"), {}), ((-1, 1, "big"), {}), ((128, 1, "big"), {"signed": True}),
                     ((1, -1, "big"), {}), ((1, 1, "sideways"), {}), ((1, 1, 5), {})]:
    n, rest = args[0], args[1:]
    try:
        print(n.to_bytes(*rest, **kwargs))
    except (OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(int.from_bytes(b"\x00\x01"), int.from_bytes(b"\xff\xff", "little", signed=True), int.from_bytes(bytearray(b"\x01\x00"), "little"))
print(int(b"  42 "), int(b"ff", 16), int(bytearray(b"101"), 2), float(b"1.5"))
try:
    int(b"4x")
except ValueError as e:
    print(type(e).__name__, e)

class MyInt(int):
    pass

print(type(MyInt.from_bytes(b"\x05", "big")).__name__, MyInt.from_bytes(b"\x05", "big"))
