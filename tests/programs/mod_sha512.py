# _sha512: SHA-512 and SHA-384 digests, incremental updates, copies and errors, compared with CPython.
import _sha512


def show(label, thunk):
    try:
        result = thunk()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", repr(result))


samples = [b"", b"abc", b"a" * 111, b"a" * 112, b"a" * 127, b"a" * 128, b"a" * 129, bytes(range(256)) * 5,
           b"The quick brown fox jumps over the lazy dog"]
for data in samples:
    print(len(data), _sha512.sha512(data).hexdigest(), _sha512.sha384(data).hexdigest())

h = _sha512.sha512()
for chunk in [b"x" * 7, b"y" * 200, b"", b"z" * 121, bytearray(b"w" * 3), memoryview(b"v" * 300)]:
    h.update(chunk)
    print(h.hexdigest()[:32])
c = h.copy()
c.update(b"more")
print(h.hexdigest() != c.hexdigest(), h.digest()[:8], len(h.digest()), c.digest_size, c.block_size, c.name)
print(_sha512.sha384(string=b"a").hexdigest(), _sha512.sha512(b"", usedforsecurity=False).hexdigest()[:16])
print(type(h).__name__, type(_sha512.sha384()).__name__, _sha512.sha384().name, _sha512.sha384().digest_size)
show("str", lambda: _sha512.sha512("a"))
show("int", lambda: _sha512.sha512(1))
show("update str", lambda: _sha512.sha512(b"a").update("x"))
show("bad keyword", lambda: _sha512.sha512(data=b""))
print((b"seed" + _sha512.sha512(b"seed").digest()).hex())
