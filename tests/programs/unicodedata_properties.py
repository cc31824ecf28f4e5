# unicodedata: every property function over a sample of code points (a
# stride through all planes plus dense ranges where the data is busy),
# digested so the whole comparison fits in a few lines; then spot checks
# and the error messages.
import hashlib
import unicodedata

FIELDS = ["category", "bidirectional", "combining", "east_asian_width", "mirrored",
          "decomposition", "decimal", "digit", "numeric", "name"]


def describe(db, cp):
    c = chr(cp)
    parts = []
    for field in FIELDS:
        function = getattr(db, field)
        if field in ("decimal", "digit", "numeric", "name"):
            parts.append(repr(function(c, None)))
        else:
            parts.append(repr(function(c)))
    return "|".join(parts)


def sample():
    points = list(range(0, 0x380, 3)) + list(range(0x1F00, 0x2200, 5)) + list(range(0xAC00, 0xAC10))
    points += list(range(0xFA00, 0xFB50, 3)) + list(range(0x1F300, 0x1F380, 3))
    points += list(range(0x700, 0x110000, 1597))
    return points


for db, label in ((unicodedata, "14.0"), (unicodedata.ucd_3_2_0, "3.2")):
    digest = hashlib.sha256()
    for cp in sample():
        digest.update(describe(db, cp).encode() + b"\n")
    print(label, db.unidata_version, digest.hexdigest()[:24])

for c in ["A", "\u00e9", "\u0301", "\u05d0", "\u0661", "\u00bd", "\u2460", "\u3000", "(", "\uac00",
          "\u4e00", "\U00020000", "\U0001f600", "\ufb01", "\U000e0100", "\ud800", "\U0010ffff"]:
    print(ascii(c), describe(unicodedata, ord(c)))
    print("   3.2", describe(unicodedata.ucd_3_2_0, ord(c)))

print(unicodedata.name("\x00", "no name"), unicodedata.decimal("x", -1), unicodedata.numeric("\u00bd"))
print(type(unicodedata.ucd_3_2_0).__name__, type(unicodedata.ucd_3_2_0).__module__,
      unicodedata.UCD is type(unicodedata.ucd_3_2_0))

for call in [lambda: unicodedata.category("ab"), lambda: unicodedata.category(65),
             lambda: unicodedata.name(b"a"), lambda: unicodedata.decimal("ab"),
             lambda: unicodedata.name("\x00"), lambda: unicodedata.digit("x"),
             lambda: unicodedata.numeric("x"), lambda: unicodedata.decimal("x"),
             lambda: unicodedata.category(), lambda: unicodedata.name("a", "b", "c"),
             lambda: unicodedata.ucd_3_2_0.category("ab"), lambda: unicodedata.UCD()]:
    try:
        print(repr(call()))
    except Exception as e:
        print(type(e).__name__, e)
