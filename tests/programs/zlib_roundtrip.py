# zlib one-shot compress/decompress at every level and window size,
# checksums, constants and errors, against CPython over the same zlib.
import zlib

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

text = b"".join(b"line %d: the quick brown fox jumps over the lazy dog\n" % i for i in range(400))
noise = bytes((i * 7919 + 13) % 251 for i in range(5000))
samples = [b"", b"a", b"abc" * 10, text, noise]

for level in range(-1, 10):
    for data in samples:
        packed = zlib.compress(data, level)
        assert zlib.decompress(packed) == data
        print(level, len(data), len(packed), zlib.crc32(packed))

for wbits in [9, 12, 15, -9, -15, 25, 31]:
    packed = zlib.compress(text, 6, wbits)
    print(wbits, len(packed), packed[:4].hex(), zlib.decompress(packed, wbits) == text)
print(zlib.decompress(zlib.compress(text, wbits=31), 47) == text, zlib.decompress(zlib.compress(text), 47) == text)
print(zlib.decompress(zlib.compress(text), 0) == text)
print(zlib.compress(b"hello", level=9, wbits=-15).hex())
print(zlib.decompress(zlib.compress(text), bufsize=1) == text)
print(zlib.decompress(bytearray(zlib.compress(text)), 15, 100000) == text)
print(zlib.decompress(memoryview(zlib.compress(text))) == text)
print(zlib.compress(b"hello world").hex())

# Checksums and chaining.
for data in samples:
    print(zlib.crc32(data), zlib.adler32(data), zlib.crc32(data, 12345), zlib.adler32(data, 12345))
crc = 0
adler = 1
for i in range(0, len(text), 777):
    crc = zlib.crc32(text[i:i + 777], crc)
    adler = zlib.adler32(text[i:i + 777], adler)
print(crc == zlib.crc32(text), adler == zlib.adler32(text))
print(zlib.crc32(b"a", -1), zlib.crc32(b"a", 2**70), zlib.crc32(b"a", 2**32 + 5), zlib.adler32(b"a", 2**32 + 5))

for name in ["MAX_WBITS", "DEFLATED", "DEF_MEM_LEVEL", "DEF_BUF_SIZE", "Z_NO_COMPRESSION", "Z_BEST_SPEED",
             "Z_BEST_COMPRESSION", "Z_DEFAULT_COMPRESSION", "Z_FILTERED", "Z_HUFFMAN_ONLY", "Z_RLE", "Z_FIXED",
             "Z_DEFAULT_STRATEGY", "Z_NO_FLUSH", "Z_PARTIAL_FLUSH", "Z_SYNC_FLUSH", "Z_FULL_FLUSH", "Z_FINISH",
             "Z_BLOCK", "Z_TREES"]:
    print(name, getattr(zlib, name))
print(zlib.ZLIB_VERSION, zlib.ZLIB_RUNTIME_VERSION, zlib.__version__)
print(zlib.error.__mro__, hasattr(zlib, "Compress"))

show(lambda: zlib.compress(b"abc", 10))
show(lambda: zlib.compress(b"abc", 1, 100))
show(lambda: zlib.compress("abc"))
show(lambda: zlib.decompress(b"abc"))
show(lambda: zlib.decompress(zlib.compress(b"abc")[:-3]))
show(lambda: zlib.decompress(b""))
show(lambda: zlib.decompress(b"x\x9c", 15, 0))
show(lambda: zlib.decompress(zlib.compress(b"abc"), 15, -1))
show(lambda: zlib.decompress(zlib.compress(b"abc"), 100))
show(lambda: zlib.decompress(zlib.compress(b"abc"), -15))
show(lambda: zlib.crc32("a"))
show(lambda: zlib.crc32(b"a", 1.5))
show(lambda: zlib.adler32())
