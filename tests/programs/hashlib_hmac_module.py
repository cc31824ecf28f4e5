# hmac.py from CPython's Lib, unmodified, over Garter's _hashlib (its
# HMAC objects) and, for digests OpenSSL does not offer, hashlib objects.
import hashlib
import hmac

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for digestmod in ["sha256", hashlib.sha1, "md5", "blake2b", hashlib.sha3_256]:
    m = hmac.new(b"key", b"The quick brown fox", digestmod)
    print(m.name, m.digest_size, m.block_size, m.hexdigest())
    c = m.copy()
    c.update(b" jumps")
    print(" ", c.hexdigest(), m.hexdigest() == hmac.new(b"key", b"The quick brown fox", digestmod).hexdigest())
    print(" ", hmac.digest(b"key", b"msg", digestmod).hex())
print(hmac.compare_digest(b"abc", b"abc"), hmac.compare_digest("abc", "abd"))
show(lambda: hmac.new(b"key"))
show(lambda: hmac.new("key", digestmod="sha256"))
show(lambda: hmac.new(b"key", digestmod="foo"))

# A digestmod that is a module-like object takes the pure-Python path.
class BlakeModule:
    def new(self, data=b""):
        return hashlib.blake2s(data)

m = hmac.new(b"key", b"msg", BlakeModule())
print(m.name, m.digest_size, m.block_size, m.hexdigest())
m = hmac.new(b"key", b"msg", lambda d=b"": hashlib.sha256(d))
print(m.name, m.hexdigest() == hmac.new(b"key", b"msg", "sha256").hexdigest())
