# unicodedata.normalize / is_normalized in the four forms, Unicode 14.0 and
# 3.2: every code point of busy blocks alone, then random strings mixing
# starters, combining marks and Hangul jamo (composition, reordering,
# blocking), digested; then spot checks and errors.
import hashlib
import random
import unicodedata

FORMS = ["NFC", "NFD", "NFKC", "NFKD"]
blocks = list(range(0xA0, 0x400, 2)) + list(range(0x900, 0xA00, 3)) + list(range(0x1E00, 0x2000, 3))
blocks += list(range(0x2100, 0x2200, 2)) + list(range(0x3040, 0x3100, 2)) + list(range(0xAC00, 0xAC20))
blocks += list(range(0xF900, 0xFA10, 4)) + list(range(0xFB00, 0xFB50)) + list(range(0xFF00, 0xFF80, 3))
blocks += list(range(0x1D150, 0x1D1C0, 2)) + list(range(0x2F800, 0x2F8A0, 3))

for db, label in ((unicodedata, "14.0"), (unicodedata.ucd_3_2_0, "3.2")):
    digest = hashlib.sha256()
    for cp in blocks:
        for form in FORMS:
            digest.update(db.normalize(form, chr(cp)).encode("utf-8", "surrogatepass") + b"|")
    print(label, "single", digest.hexdigest()[:24])

pool = ("a e o u A E C c n s z \u00e9 \u0300 \u0301 \u0302 \u0308 \u0323 \u0327 \u031b \u0345 \u0399 "
        "\u03b1 \u1100 \u1161 \u11a8 \uac00 \u0b47 \u0b3e \u0b57 \u05b8 \u05b7 \u0f71 \u0f72 \u0f80 "
        "\ufb01 \u2126 \u212b \u1e9b \u0344 \u0958 \u3099 \u304b \u30b1 \u1d15e").split()
rng = random.Random(1234)
for db, label in ((unicodedata, "14.0"), (unicodedata.ucd_3_2_0, "3.2")):
    digest = hashlib.sha256()
    agree = 0
    for _ in range(300):
        text = "".join(rng.choice(pool) for _ in range(rng.randrange(1, 8)))
        for form in FORMS:
            result = db.normalize(form, text)
            digest.update(result.encode("utf-8", "surrogatepass") + b"|")
            agree += db.is_normalized(form, result)
    print(label, "random", digest.hexdigest()[:24], agree)

for text in ["e\u0301", "\u1e9b\u0323", "\uac01", "\u1100\u1161\u11a8", "\ufb01", "A\u030a\u212b",
             "\u0958", "\u2f868", "\U0002f868", "\uf951", "\u3099\u304b", "abc"]:
    print(ascii(text), [ascii(unicodedata.normalize(f, text)) for f in FORMS],
          ascii(unicodedata.ucd_3_2_0.normalize("NFC", text)),
          [unicodedata.is_normalized(f, text) for f in FORMS])

s = "plain ascii"
print(unicodedata.normalize("NFC", s) is s)
for call in [lambda: unicodedata.normalize("NFX", "a"), lambda: unicodedata.normalize(1, "a"),
             lambda: unicodedata.normalize("NFC", 1), lambda: unicodedata.normalize("NFC"),
             lambda: unicodedata.is_normalized("nfc", "a")]:
    try:
        print(repr(call()))
    except Exception as e:
        print(type(e).__name__, e)
