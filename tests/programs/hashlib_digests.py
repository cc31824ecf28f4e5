# _hashlib (OpenSSL) digests of known inputs, streaming updates, copies,
# attributes and errors. Inputs of 2048 bytes or more take the path that
# releases the GIL.
import _hashlib

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

pattern = bytes(range(256)) * 20          # 5120 bytes
inputs = [b"", b"abc", b"a" * 1000, pattern[:2047], pattern[:2048], pattern]
names = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha512_224", "sha512_256",
         "sha3_224", "sha3_256", "sha3_384", "sha3_512"]

for name in names:
    h = _hashlib.new(name)
    print(name, h.name, h.digest_size, h.block_size)
    for data in inputs:
        print(" ", len(data), _hashlib.new(name, data).hexdigest())

# openssl_* constructors agree with new(), keyword and positional data.
for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_224", "sha3_256", "sha3_384", "sha3_512"]:
    f = getattr(_hashlib, "openssl_" + name)
    assert f(b"xyz").digest() == _hashlib.new(name, b"xyz").digest() == f(string=b"xyz").digest()
    assert f(usedforsecurity=False).hexdigest() == _hashlib.new(name, usedforsecurity=False).hexdigest()
    print(name, f(b"xyz", usedforsecurity=True).hexdigest()[:16])

# Streaming in chunks of several sizes gives the one-shot digest.
for name in ["sha256", "md5", "sha3_256"]:
    whole = _hashlib.new(name, pattern).digest()
    for step in [1, 7, 64, 2048, 3000]:
        h = _hashlib.new(name)
        for i in range(0, len(pattern), step):
            h.update(pattern[i:i + step])
        assert h.digest() == whole, (name, step)
    print(name, "chunks ok")

# bytearray and memoryview inputs.
print(_hashlib.new("sha1", bytearray(b"abc")).hexdigest(), _hashlib.new("sha1", memoryview(b"abc")).hexdigest())
h = _hashlib.openssl_sha256()
h.update(memoryview(pattern)[100:3000])
print(h.hexdigest() == _hashlib.new("sha256", pattern[100:3000]).hexdigest())

# copy() is independent of the original; digest() does not end the hash.
h = _hashlib.new("sha256", b"hello ")
c = h.copy()
c.update(b"world")
print(h.hexdigest())
print(c.hexdigest())
print(h.digest() == h.digest(), type(c).__name__, type(h) is type(c))
h.update(b"world")
print(h.hexdigest() == c.hexdigest())

# SHAKE: extendable output.
for name in ["shake_128", "shake_256"]:
    h = _hashlib.new(name, b"abc")
    print(name, h.name, h.digest_size, h.block_size, type(h).__name__)
    for n in [0, 1, 16, 32, 100]:
        print(" ", n, h.hexdigest(n))
    print(" ", h.digest(10) == h.copy().digest(10), h.digest(5) == h.digest(10)[:5])
    print(" ", getattr(_hashlib, "openssl_" + name)(pattern).hexdigest(20))
show(lambda: _hashlib.openssl_shake_128(b"a").digest())
show(lambda: _hashlib.openssl_shake_128(b"a").hexdigest())
show(lambda: _hashlib.openssl_shake_128(b"a").digest(-1))

# OpenSSL's own spelling of a name.
print(_hashlib.new("SHA256", b"abc").name, _hashlib.new("sha512_224").name)
print(_hashlib.HASHXOF.__mro__)
print(isinstance(_hashlib.new("md5"), _hashlib.HASH), isinstance(_hashlib.new("shake_128"), _hashlib.HASH))

# Errors.
show(lambda: _hashlib.new("foo"))
show(lambda: _hashlib.new("foo").digest())
print(issubclass(_hashlib.UnsupportedDigestmodError, ValueError))
show(lambda: _hashlib.new(1))
show(lambda: _hashlib.new())
show(lambda: _hashlib.openssl_sha256("abc"))
show(lambda: _hashlib.openssl_sha256(1))
show(lambda: _hashlib.openssl_sha256(b"a", b"b"))
show(lambda: _hashlib.openssl_sha256(b"a").update())
show(lambda: _hashlib.openssl_sha256(b"a").update("x"))
show(lambda: _hashlib.HASH())
show(lambda: _hashlib.HMAC())
print(sorted(n for n in _hashlib.openssl_md_meth_names if n in names or n.startswith("shake")))
print(sorted(_hashlib._constructors.values()))
print(_hashlib._constructors[_hashlib.openssl_sha256], _hashlib.get_fips_mode())
r = repr(_hashlib.new("sha1"))
print(r.startswith("<sha1 _hashlib.HASH object @ 0x"))
