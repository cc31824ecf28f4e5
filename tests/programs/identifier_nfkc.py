# Non-ASCII identifiers are NFKC-normalized by the parser (PEP 3131): every
# code point with a compatibility mapping, used inside a name, must yield the
# same normalized name as CPython 3.11's (Unicode 14.0) unicodedata.
import hashlib

ﬁle = 1
print("fi ligature:", sorted(k for k in globals() if k.startswith("fi")))
ℌ = 2
print("script H:", "H" in globals(), H)
xª = 3  # U+00AA FEMININE ORDINAL: <super> a
print("superscript:", "xa" in globals())
𝐀𝐁 = 4
print("math bold:", AB)
ｆｕｌｌ = 5
print("fullwidth:", full)
ｶ = 6
print("halfwidth katakana:", "カ" in globals())
Ω = 7  # U+2126 OHM SIGN: a canonical singleton, Ω after NFC
print("ohm:", "\u03a9" in globals())
é = 8  # e + U+0301: composed by NFC
print("composed:", "\u00e9" in globals())
ﾊﾟ = 9  # halfwidth HA + halfwidth semi-voiced mark: compose to パ
print("halfwidth compose:", "\u30d1" in globals())


# Every code point of the blocks holding compatibility mappings (all of
# Unicode 14.0's: the big ideograph and syllable blocks, which have none, are
# left out to keep the test fast), in a name in both positions, compiled in
# chunks; the value stored tells which source name each normalized name came from.
BLOCKS = [(0x80, 0x33FF), (0x4DC0, 0x4DFF), (0xA490, 0xABFF), (0xD7A4, 0xFFFF), (0x10780, 0x107BF),
          (0x1D400, 0x1D7FF), (0x1EE00, 0x1F2FF), (0x1FBF0, 0x1FBFF), (0x2F800, 0x2FA1F)]
digest = hashlib.sha256()
count = 0
sources = []
for code in (code for first, last in BLOCKS for code in range(first, last + 1)):
    char = chr(code)
    for name in (f"v{code:X}_" + char, char + f"_{code:X}"):
        if name.isidentifier():
            sources.append((name, code))
for start in range(0, len(sources), 4000):
    chunk = sources[start:start + 4000]
    namespace = {}
    exec("\n".join(f"{name} = {index}" for index, (name, _) in enumerate(chunk)), namespace)
    del namespace["__builtins__"]
    for normalized, index in sorted(namespace.items(), key=lambda item: item[1]):
        name, code = chunk[index]
        if normalized != name:
            count += 1
            digest.update(f"{code:X}:{normalized}\n".encode("utf-8", "surrogatepass"))
    if len(namespace) != len(chunk):
        print("collision in chunk", start)
print("names:", len(sources))
print("names changed by normalization:", count)
print("digest:", digest.hexdigest())
