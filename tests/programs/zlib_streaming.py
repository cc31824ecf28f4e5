# zlib compressobj/decompressobj: flush modes, copies, max_length,
# unconsumed_tail, unused_data, eof, zdict, errors.
import zlib

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

text = b"".join(b"record %05d: some moderately repetitive payload\n" % i for i in range(2000))

# Compress in pieces with each flush mode.
for mode in [zlib.Z_NO_FLUSH, zlib.Z_SYNC_FLUSH, zlib.Z_FULL_FLUSH, zlib.Z_PARTIAL_FLUSH, zlib.Z_BLOCK]:
    c = zlib.compressobj(6)
    parts = []
    for i in range(0, len(text), 10000):
        parts.append(c.compress(text[i:i + 10000]))
        parts.append(c.flush(mode))
    parts.append(c.flush())
    packed = b"".join(parts)
    print(mode, len(packed), zlib.decompress(packed) == text)

# Every strategy and a few levels/memLevels, raw and gzip wrappers.
for strategy in [zlib.Z_DEFAULT_STRATEGY, zlib.Z_FILTERED, zlib.Z_HUFFMAN_ONLY, zlib.Z_RLE, zlib.Z_FIXED]:
    for wbits in [15, -15, 31]:
        c = zlib.compressobj(9, zlib.DEFLATED, wbits, 9, strategy)
        packed = c.compress(text) + c.flush()
        print(strategy, wbits, len(packed), zlib.decompress(packed, wbits) == text)

# copy() of a compressor and a decompressor.
c = zlib.compressobj()
head = c.compress(text[:5000])
c2 = c.copy()
tail1 = c.compress(b"ONE") + c.flush()
tail2 = c2.compress(b"TWO") + c2.flush()
print(zlib.decompress(head + tail1)[-3:], zlib.decompress(head + tail2)[-3:])
show(lambda: c.copy())
show(lambda: c.compress(b"x"))
show(lambda: c.flush())
print(c.flush(zlib.Z_NO_FLUSH))

packed = zlib.compress(text)
d = zlib.decompressobj()
first = d.decompress(packed[:len(packed) // 2])
d2 = d.copy()
print(first + d.decompress(packed[len(packed) // 2:]) == text, first + d2.decompress(packed[len(packed) // 2:]) == text)

# max_length and unconsumed_tail.
d = zlib.decompressobj()
out = [d.decompress(packed, 1000)]
for _ in range(5):
    print(len(out[-1]), len(d.unconsumed_tail), d.eof)
    out.append(d.decompress(d.unconsumed_tail, 1000))
rest = d.decompress(d.unconsumed_tail)
whole = b"".join(out) + rest
print(len(whole), whole == text, d.eof, d.unconsumed_tail)

# Byte-at-a-time input; unused_data after the end of the stream.
d = zlib.decompressobj()
result = b"".join(d.decompress(packed[i:i + 1]) for i in range(len(packed)))
print(result == text, d.eof, d.unused_data, d.unconsumed_tail)
d = zlib.decompressobj()
print(d.decompress(packed + b"trailing junk") == text, d.eof, d.unused_data)
print(d.decompress(b"more"), d.unused_data)
print(d.flush(), d.eof)

# flush() finishes what max_length held back.
d = zlib.decompressobj()
part = d.decompress(packed, 100)
print(len(part), len(d.unconsumed_tail) > 0)
print(len(part + d.flush()), d.eof, d.unconsumed_tail)

# Dictionaries.
zdict = b"record payload moderately repetitive some"
c = zlib.compressobj(zdict=zdict)
withdict = c.compress(text[:500]) + c.flush()
print(len(withdict), len(zlib.compress(text[:500])))
d = zlib.decompressobj(zdict=zdict)
print(d.decompress(withdict) == text[:500])
c = zlib.compressobj(wbits=-15, zdict=zdict)
raw = c.compress(text[:500]) + c.flush()
print(zlib.decompressobj(wbits=-15, zdict=zdict).decompress(raw) == text[:500])
show(lambda: zlib.decompressobj().decompress(withdict))
show(lambda: zlib.decompress(withdict))

show(lambda: zlib.compressobj(10))
show(lambda: zlib.compressobj(1, 9))
show(lambda: zlib.compressobj(method=7))
show(lambda: zlib.compressobj(strategy=99))
show(lambda: zlib.compressobj(zdict="x"))
show(lambda: zlib.decompressobj(zdict="x"))
show(lambda: zlib.decompressobj(100))
show(lambda: zlib.decompressobj().decompress(b"x", -1))
show(lambda: zlib.decompressobj().flush(0))
show(lambda: zlib.decompressobj().decompress(b"xxxx"))
show(lambda: zlib.decompressobj().decompress("x"))
print(type(zlib.compressobj()).__name__, type(zlib.decompressobj()).__name__, type(zlib.compressobj()))
