# _struct: formats, byte orders, alignment, ranges and error messages, compared with CPython.
import _struct as struct


def show(label, thunk):
    try:
        result = thunk()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", repr(result))


for fmt in ["c", "b", "B", "?", "h", "H", "i", "I", "l", "L", "q", "Q", "n", "N", "e", "f", "d", "P", "ci", "@ci", "=ci",
            "cq", "3s2xi", "0i", "c0i", "bhiq", "<bhiq", ">bhiq", "!bhiq", "=bhiq", " i  h ", "10p", "2xh", "hxi", "12x",
            "ih", "dc", "?e"]:
    show(f"calcsize({fmt!r})", lambda: struct.calcsize(fmt))

print(struct.pack("i", 1), struct.pack("<i", 1), struct.pack(">i", 1), struct.pack("!h", -2), struct.pack("=q", -1))
print(struct.pack("cbB?", b"x", -1, 255, 7), struct.pack("<hHiIlLqQ", -1, 65535, -2, 2**32 - 1, -3, 2**32 - 2, -4, 2**64 - 1))
print(struct.pack(">hHiIlLqQ", -1, 65535, -2, 2**32 - 1, -3, 2**32 - 2, -4, 2**64 - 1))
print(struct.pack("@bhiq", 1, 2, 3, 4), struct.pack("ci", b"a", 258), struct.pack("<d", 1.5), struct.pack(">f", -0.25))
print(struct.pack("e", 1.0), struct.pack("<e", 65504.0), struct.pack(">e", -2.5), struct.pack("e", 1e-8), struct.pack("f", 1e300))
print(struct.pack("5s", b"ab"), struct.pack("2s", b"abcdef"), struct.pack("5p", b"abcdefg"), struct.pack("3s", bytearray(b"xy")))
print(struct.pack("0s", b"x"), struct.pack("1p", b"abc"), struct.pack("3x"), struct.pack("x"), struct.pack("i", True), struct.pack("?", []))
print(struct.pack("2h3c", 1, 2, b"a", b"b", b"c"), struct.pack("nNP", -5, 5, 12345))


class Indexable:
    def __index__(self):
        return 77


print(struct.pack("i", Indexable()), struct.pack("d", 3), struct.pack("f", Indexable()))

print(struct.unpack("i", b"\x01\x00\x00\x00"), struct.unpack(">i", b"\xff\xff\xff\xfe"), struct.unpack("<H", b"\xff\xff"))
print(struct.unpack("<hHiIlLqQ", struct.pack("<hHiIlLqQ", -1, 65535, -2, 2**32 - 1, -3, 2**32 - 2, -4, 2**64 - 1)))
print(struct.unpack(">hHiIlLqQ", struct.pack(">hHiIlLqQ", -1, 65535, -2, 2**32 - 1, -3, 2**32 - 2, -4, 2**64 - 1)))
print(struct.unpack("cbB?", b"x\xff\xff\x02"), struct.unpack("5p", b"\x09abcd"), struct.unpack("5p", b"\x02abcd"))
print(struct.unpack("<e", b"\x00\x3c"), struct.unpack("<f", struct.pack("<f", 0.1)), struct.unpack("d", struct.pack("d", -1e-310)))
print(struct.unpack("3s2xi", b"abc\x00\x00\x00\x00\x00\x07\x00\x00\x00"), struct.unpack("nNP", struct.pack("nNP", -5, 5, 99)))
print(struct.unpack("i", bytearray(b"\x02\x00\x00\x00")), struct.unpack("i", memoryview(b"\x03\x00\x00\x00")))
print(struct.unpack_from("<h", b"\x00\x01\x02\x03", 1), struct.unpack_from("<h", b"\x00\x01\x02\x03", offset=-2),
      struct.unpack_from("b", b"\x05"))
print(list(struct.iter_unpack("<h", b"\x01\x00\x02\x00\x03\x00")), list(struct.iter_unpack("2s", b"abcd")))
it = struct.iter_unpack("b", b"\x01\x02\x03")
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it), type(it).__name__)

buffer = bytearray(8)
struct.pack_into("<hh", buffer, 2, 1, -1)
print(buffer)
struct.pack_into(">i", buffer, -4, 7)
print(buffer)

s = struct.Struct("<ih")
print(s.format, s.size, s.pack(1, 2), s.unpack(b"\x01\x00\x00\x00\x02\x00"), s.unpack_from(b"xx" + s.pack(3, 4), 2))
print(list(s.iter_unpack(s.pack(5, 6) * 2)), struct.Struct(b">h").format, type(s).__name__, struct.Struct.__module__)
b2 = bytearray(6)
s.pack_into(b2, 0, 9, 10)
print(b2)

# Ranges by code and byte order.
for prefix in ["", "<", ">", "!", "="]:
    for code in "bBhHiIlLqQnNP":
        for value in [200, -200, 40000, -40000, 2**40, -2**40, 2**63, -2**63, -1, 2**64, 2**70, -2**70]:
            try:
                struct.pack(prefix + code, value)
            except Exception as e:
                print(repr(prefix + code), value, type(e).__name__, e)

show("pack()", lambda: struct.pack())
show("no values", lambda: struct.pack("i"))
show("too many", lambda: struct.pack("i", 1, 2))
show("float for int", lambda: struct.pack("i", 1.5))
show("str for int", lambda: struct.pack("i", "a"))
show("None for int", lambda: struct.pack("i", None))
show("str for float", lambda: struct.pack("f", "a"))
show("f overflow", lambda: struct.pack("<f", 1e300))
show("e overflow", lambda: struct.pack("e", 1e10))
show("c too long", lambda: struct.pack("c", b"ab"))
show("c str", lambda: struct.pack("c", "a"))
show("s str", lambda: struct.pack("s", "a"))
show("bad char", lambda: struct.pack("z", 1))
show("repeat only", lambda: struct.pack("3", 1))
show("standard n", lambda: struct.pack("<n", 1))
show("unpack short", lambda: struct.unpack("i", b"abc"))
show("unpack long", lambda: struct.unpack("i", b"abcde"))
show("unpack str", lambda: struct.unpack("i", "abcd"))
show("unpack_from short", lambda: struct.unpack_from("i", b"abcdef", 4))
show("unpack_from offset", lambda: struct.unpack_from("i", b"abcdef", -10))
show("iter_unpack size", lambda: struct.iter_unpack("i", b"abcde"))
show("iter_unpack empty", lambda: struct.iter_unpack("", b""))
show("calcsize int", lambda: struct.calcsize(1))
show("calcsize huge", lambda: struct.calcsize("99999999999999999999i"))
show("count", lambda: struct.pack("2i", 1))
show("padding", lambda: struct.pack("3x", 1))
show("pack_into bytes", lambda: struct.pack_into("i", b"abcd", 0, 1))
show("pack_into short", lambda: struct.pack_into("i", bytearray(2), 0, 1))
show("pack_into offset", lambda: struct.pack_into("i", bytearray(8), -2, 1))
show("pack_into far", lambda: struct.pack_into("b", bytearray(8), -10, 1))
show("pack_into values", lambda: struct.pack_into("i", bytearray(8), 0))
show("Struct bad", lambda: struct.Struct(5))
show("Struct bad char", lambda: struct.Struct("y"))
try:
    struct.pack("z")
except struct.error as e:
    print("caught", type(e).__name__, type(e).__module__, isinstance(e, Exception), e.args)
print(struct.error.__mro__, struct.error.__name__, repr(struct.error))
whole = bytearray(10)
view = memoryview(whole)
struct.pack_into("<h", view[2:6], 1, 513)
print(whole)
show("pack_into read-only view", lambda: struct.pack_into("<h", memoryview(bytes(4)), 0, 1))
show("pack_into small view", lambda: struct.pack_into("<i", view[2:4], 0, 1))
