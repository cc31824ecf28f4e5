# hashlib.py from CPython's Lib, unmodified, over Garter's _hashlib and
# _blake2.
import hashlib

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(sorted(hashlib.algorithms_guaranteed))
print(sorted(hashlib.algorithms_available & hashlib.algorithms_guaranteed) == sorted(hashlib.algorithms_guaranteed))
for name in sorted(hashlib.algorithms_guaranteed):
    h = hashlib.new(name, b"abc")
    f = getattr(hashlib, name)(b"abc")
    assert type(h) is type(f), name
    if name.startswith("shake"):
        print(name, h.name, h.hexdigest(20), f.hexdigest(20) == h.hexdigest(20))
    else:
        print(name, h.name, h.digest_size, h.block_size, h.hexdigest(), f.hexdigest() == h.hexdigest())
print(type(hashlib.md5()).__name__, type(hashlib.blake2b()).__name__, type(hashlib.shake_128()).__name__)
print(hashlib.sha256(b"abc", usedforsecurity=False).hexdigest() == hashlib.sha256(b"abc").hexdigest())
print(hashlib.new("sha256", data=b"abc").hexdigest() == hashlib.sha256(b"abc").hexdigest())
print(hashlib.blake2b(b"abc", digest_size=16, key=b"k", person=b"p").hexdigest())
print(hashlib.new("blake2s", b"abc", digest_size=8).hexdigest())
print(hashlib.new("ripemd160", b"abc").hexdigest() if "ripemd160" in hashlib.algorithms_available else "no ripemd160")
show(lambda: hashlib.new("foo"))
show(lambda: hashlib.new("foo", b"abc"))
show(lambda: hashlib.sha256("text"))

print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 4096).hex())
print(hashlib.scrypt(b"password", salt=b"NaCl", n=16, r=8, p=1, dklen=32).hex())


class WithBuffer:
    def __init__(self, data):
        self.data = data

    def getbuffer(self):
        return memoryview(self.data)


class Reader:
    def __init__(self, data):
        self.data = data
        self.position = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        chunk = self.data[self.position:self.position + len(buffer)]
        buffer[:len(chunk)] = chunk
        self.position += len(chunk)
        return len(chunk)


payload = bytes(range(256)) * 3000
print(hashlib.file_digest(WithBuffer(payload), "sha256").hexdigest())
print(hashlib.file_digest(Reader(payload), hashlib.sha1).hexdigest())
print(hashlib.file_digest(Reader(payload), lambda: hashlib.blake2s(digest_size=10)).hexdigest())
try:
    hashlib.file_digest(object(), "sha256")
except ValueError as e:
    print("ValueError", str(e).endswith("is not a file-like object in binary reading mode."))

