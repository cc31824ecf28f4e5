# Text outside the Basic Multilingual Plane: code-point indexing, slicing,
# case mapping, classes, encodings, repr/ascii, sorting and searching.
s = "a\U0001F600b\U00010400\u00e9\U0001D518z"
print(len(s), [hex(ord(c)) for c in s], s[1] == "\U0001F600", s[-2], s[1:4] == "\U0001F600b\U00010400", s[::-1][0], s[::2])
print(repr(s), ascii(s), s.encode("utf-8"), len(s.encode("utf-16-le")), s.encode("utf-32-be")[:8])
print(s.encode("utf-16").decode("utf-16") == s, s.encode("utf-8").decode() == s, s.encode("ascii", "backslashreplace"))
print(s.encode("ascii", "xmlcharrefreplace"), s.encode("latin-1", "replace"), s.encode("ascii", "ignore"))
print(s.upper(), s.lower(), "\U00010400".lower() == "\U00010428", "\U00010428".upper(), s.swapcase(), s.title(), s.casefold())
print("ß".upper(), "ﬁ".upper(), "İ".lower(), len("İ".lower()), "ǅ".title(), "ΣΑΣ".lower(), "ς".upper())
print(s.find("\U00010400"), s.index("z"), s.count("\U0001F600"), s.split("\U00010400"), s.partition("\U0001D518"), s.replace("\U0001F600", "!"))
print("\U0001D518".isalpha(), "\U0001F600".isalpha(), "\U0001F600".isprintable(), "\U0001D7D9".isdigit(), "\U0001D7D9".isdecimal(), int("\U0001D7D9\U0001D7D8"))
print("\U00010400abc".isidentifier(), "x\U0001F600".isidentifier(), "\U0001D518".isupper(), "\U00010428".islower())
print(sorted(["\U0001F600", "\uffff", "\U00010000", "z", "\ud7ff"]), max(s), min(s), "\U0001F600" > "\uffff")
print(chr(0x10FFFF) == "\U0010ffff", ord(chr(0x10FFFF)), hex(ord("\U0001F600")))
for bad in (0x110000, -1):
    try:
        chr(bad)
    except ValueError as e:
        print("ValueError", e)
print(s.center(13, "\U0001F600"), s.zfill(10), "{:\U0001F600^11}".format("x"), f"{s!r:>20}", "%5s|" % "\U0001F600")
print("\U0001F600".join(["a", "b", "c"]), list("\U0001F600\U0001F601"), "\U0001F600" * 3, hash("\U0001F600") == hash("\U0001F600"))
print(b"\xf0\x9f\x98\x80".decode(), b"\xed\xa0\x80".decode("utf-8", "replace"), "\ud83d".encode("utf-8", "surrogatepass"))
try:
    "\ud83d\ude00".encode("utf-8")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e)
print("\ud83d\ude00".encode("utf-16", "surrogatepass").decode("utf-16") == "\U0001F600", len("\ud83d\ude00"))
print(str.maketrans({"\U0001F600": "x"}), s.translate({0x1F600: None, ord("a"): "\U0001F601"}))
print(s.rjust(10, "\U00010400"), s.expandtabs(), s.startswith("a\U0001F600"), s.endswith(("\U0001D518z",)), s.rsplit(maxsplit=1))
