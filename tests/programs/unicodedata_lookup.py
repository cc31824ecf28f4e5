# unicodedata.lookup and name: names, aliases, named sequences, algorithmic
# names (Hangul syllables, CJK ideographs), case rules, the 3.2 database's
# narrower view, and the KeyError messages.
import unicodedata

u = unicodedata
old = unicodedata.ucd_3_2_0
names = ["LATIN SMALL LETTER A", "latin small letter a", "BYTE ORDER MARK", "LATIN CAPITAL LETTER GHA",
         "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE", "latin capital letter a with macron and grave",
         "HANGUL SYLLABLE GA", "HANGUL SYLLABLE GAG", "hangul syllable ga", "CJK UNIFIED IDEOGRAPH-4E00",
         "CJK UNIFIED IDEOGRAPH-4e00", "CJK UNIFIED IDEOGRAPH-20000", "CJK UNIFIED IDEOGRAPH-9FFF",
         "CJK UNIFIED IDEOGRAPH-9FFFF", "GRINNING FACE", "KEYCAP NUMBER SIGN", "NO SUCH THING",
         "TANGUT IDEOGRAPH-17000", "CJK COMPATIBILITY IDEOGRAPH-F900", "LINE FEED", "NULL",
         "LATIN SMALL LETTER A\x00", "a\u00e9", "x" * 256, "x" * 257, ""]
for name in names:
    for db in (u, old):
        try:
            print(ascii(name[:50]), ascii(db.lookup(name)))
        except KeyError as e:
            print(ascii(name[:50]), "KeyError", ascii(str(e)[:80]))
print(ascii(u.lookup(b"LATIN SMALL LETTER B")))
try:
    u.lookup(1)
except TypeError as e:
    print("TypeError", e)

for c in ["a", "\uac00", "\ud7a3", "\u4e00", "\U00020000", "\U0002b739", "\uf900", "\U00017000",
          "\U00018b00", "\U0001b170", "\U0001f600", "\u0378", "\U000e0100", "\x7f", "\ufeff"]:
    print(ascii(c), u.name(c, None), old.name(c, None))

# Every third name up to U+3000 and of a few later blocks round-trips through lookup.
count = 0
for cp in list(range(0, 0x3000, 3)) + list(range(0xA000, 0xA100, 3)) + list(range(0x1F300, 0x1F400, 3)):
    name = u.name(chr(cp), None)
    if name is not None:
        assert u.lookup(name) == chr(cp), (cp, name)
        assert u.lookup(name.lower()) == chr(cp) or name.startswith(("HANGUL SYLLABLE", "CJK UNIFIED")), name
        count += 1
print("round trips", count)
print("\N{LATIN SMALL LETTER E WITH ACUTE}", ascii("\N{EM DASH}\N{BYTE ORDER MARK}"))
