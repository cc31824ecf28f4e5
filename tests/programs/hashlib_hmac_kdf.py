# _hashlib's HMAC objects, hmac_digest, pbkdf2_hmac, scrypt, compare_digest.
import _hashlib

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

big = bytes(range(256)) * 12
for digestmod in ["md5", "sha1", "sha256", "sha512", "sha3_256", _hashlib.openssl_sha224]:
    for key in [b"", b"key", b"k" * 200]:
        for msg in [b"", b"The quick brown fox jumps over the lazy dog", big]:
            h = _hashlib.hmac_new(key, msg, digestmod=digestmod)
            one = _hashlib.hmac_digest(key, msg, digestmod)
            assert h.digest() == one
            print(h.name, h.digest_size, h.block_size, len(key), len(msg), h.hexdigest()[:32])

h = _hashlib.hmac_new(b"key", digestmod="sha256")
c = h.copy()
h.update(b"abc")
c.update(bytearray(b"ab"))
c.update(memoryview(b"c"))
print(h.hexdigest() == c.hexdigest(), h.hexdigest())
h.update(msg=big)
print(h.hexdigest())

show(lambda: _hashlib.hmac_new(b"k"))
show(lambda: _hashlib.hmac_new(b"k", digestmod="foo"))
show(lambda: _hashlib.hmac_new(b"k", digestmod=len))
show(lambda: _hashlib.hmac_new("k", digestmod="sha256"))
show(lambda: _hashlib.hmac_new(b"k", "m", digestmod="sha256"))
show(lambda: _hashlib.hmac_digest(b"k", b"m", "foo"))
show(lambda: _hashlib.hmac_new(b"k", digestmod="sha256").update("x"))

for name in ["sha1", "sha256", "sha512"]:
    for iterations in [1, 2, 1000]:
        print(name, iterations, _hashlib.pbkdf2_hmac(name, b"password", b"salt", iterations).hex())
print(_hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 10, 10).hex())
print(_hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 10, 100).hex())
print(_hashlib.pbkdf2_hmac("sha256", bytearray(b"pw"), memoryview(b"salt"), 3, dklen=None).hex())
show(lambda: _hashlib.pbkdf2_hmac("sha256", b"p", b"s", 0))
show(lambda: _hashlib.pbkdf2_hmac("sha256", b"p", b"s", 1, 0))
show(lambda: _hashlib.pbkdf2_hmac("foo", b"p", b"s", 1))
show(lambda: _hashlib.pbkdf2_hmac("sha256", "p", b"s", 1))
show(lambda: _hashlib.pbkdf2_hmac("sha256", b"p", b"s", 2**40))

print(_hashlib.scrypt(b"password", salt=b"NaCl", n=1024, r=8, p=16, dklen=64).hex())
print(_hashlib.scrypt(b"", salt=b"", n=16, r=1, p=1, dklen=64).hex())
print(_hashlib.scrypt(b"p", salt=b"s", n=2, r=1, p=1).hex())
show(lambda: _hashlib.scrypt(b"p", salt=b"s", n=3, r=1, p=1))
show(lambda: _hashlib.scrypt(b"p", n=2, r=1, p=1))
show(lambda: _hashlib.scrypt(b"p", salt=b"s", r=1, p=1))
show(lambda: _hashlib.scrypt(b"p", salt=b"s", n=2, r=1, p=1, dklen=0))

for a, b in [(b"abc", b"abc"), (b"abc", b"abd"), (b"abc", b"ab"), ("abc", "abc"), ("abc", "abd"),
             (bytearray(b"x"), b"x"), (memoryview(b"x"), b"x")]:
    print(_hashlib.compare_digest(a, b))
show(lambda: _hashlib.compare_digest("abc", b"abc"))
show(lambda: _hashlib.compare_digest("\xe9", "\xe9"))
show(lambda: _hashlib.compare_digest(1, 2))
