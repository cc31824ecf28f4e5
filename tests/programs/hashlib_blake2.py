# _blake2: BLAKE2b and BLAKE2s with every parameter, against CPython's.
import _blake2

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

pattern = bytes(range(256)) * 20
inputs = [b"", b"abc", pattern[:63], pattern[:64], pattern[:65], pattern[:127], pattern[:128],
          pattern[:129], pattern[:2048], pattern]

for cls in [_blake2.blake2b, _blake2.blake2s]:
    print(cls.__name__, cls.SALT_SIZE, cls.PERSON_SIZE, cls.MAX_KEY_SIZE, cls.MAX_DIGEST_SIZE)
    h = cls()
    print(h.name, h.digest_size, h.block_size, type(h))
    for data in inputs:
        print(" ", len(data), cls(data).hexdigest())
    max_size = cls.MAX_DIGEST_SIZE
    for size in [1, 16, 20, max_size]:
        print(" size", size, cls(b"abc", digest_size=size).hexdigest())
    for key in [b"k", b"key" * 5, bytes(range(max_size))]:
        print(" key", len(key), cls(b"abc", key=key).hexdigest(), cls(key=key).hexdigest()[:16])
    print(" salt", cls(b"abc", salt=b"s" * cls.SALT_SIZE).hexdigest())
    print(" person", cls(b"abc", person=b"me").hexdigest())
    print(" tree", cls(b"abc", fanout=2, depth=3, leaf_size=4096, node_offset=5, node_depth=1,
                     inner_size=16, last_node=True).hexdigest())
    print(" last_node", cls(b"abc", last_node=True).hexdigest())
    print(" all", cls(pattern, digest_size=24, key=b"secret", salt=b"salt", person=b"person",
                    fanout=0, depth=255, leaf_size=2**32 - 1, node_depth=255, inner_size=max_size).hexdigest())
    # Streaming equals one shot, over block boundaries.
    whole = cls(pattern, key=b"k").digest()
    for step in [1, 63, 64, 65, 128, 1000, 2500]:
        h = cls(key=b"k")
        for i in range(0, len(pattern), step):
            h.update(pattern[i:i + step])
        assert h.digest() == whole, step
    # copy
    h = cls(b"ab")
    c = h.copy()
    c.update(b"c")
    print(" copy", h.hexdigest() == cls(b"ab").hexdigest(), c.hexdigest() == cls(b"abc").hexdigest())
    print(" views", cls(bytearray(b"abc")).digest() == cls(memoryview(b"abc")).digest() == cls(b"abc").digest())

print(_blake2.BLAKE2B_SALT_SIZE, _blake2.BLAKE2B_PERSON_SIZE, _blake2.BLAKE2B_MAX_KEY_SIZE, _blake2.BLAKE2B_MAX_DIGEST_SIZE)
print(_blake2.BLAKE2S_SALT_SIZE, _blake2.BLAKE2S_PERSON_SIZE, _blake2.BLAKE2S_MAX_KEY_SIZE, _blake2.BLAKE2S_MAX_DIGEST_SIZE)

show(lambda: _blake2.blake2b(digest_size=0))
show(lambda: _blake2.blake2b(digest_size=65))
show(lambda: _blake2.blake2s(digest_size=33))
show(lambda: _blake2.blake2b(key=b"x" * 65))
show(lambda: _blake2.blake2s(key=b"x" * 33))
show(lambda: _blake2.blake2b(salt=b"x" * 17))
show(lambda: _blake2.blake2b(person=b"x" * 17))
show(lambda: _blake2.blake2s(salt=b"x" * 9))
show(lambda: _blake2.blake2s(person=b"x" * 9))
show(lambda: _blake2.blake2b(fanout=256))
show(lambda: _blake2.blake2b(fanout=-1))
show(lambda: _blake2.blake2b(depth=0))
show(lambda: _blake2.blake2b(depth=256))
show(lambda: _blake2.blake2b(leaf_size=-1))
show(lambda: _blake2.blake2b(leaf_size=2**32))
show(lambda: _blake2.blake2b(node_offset=-1))
show(lambda: _blake2.blake2s(node_offset=2**48))
show(lambda: _blake2.blake2s(node_offset=2**48 - 1).hexdigest())
show(lambda: _blake2.blake2b(node_depth=256))
show(lambda: _blake2.blake2b(inner_size=65))
show(lambda: _blake2.blake2s(inner_size=33))
show(lambda: _blake2.blake2b("abc"))
show(lambda: _blake2.blake2b(b"a", b"b"))
show(lambda: _blake2.blake2b(data=b"a"))
show(lambda: _blake2.blake2b(foo=b"a"))
show(lambda: _blake2.blake2b(key="k"))
show(lambda: _blake2.blake2b().update("x"))
show(lambda: _blake2.blake2b(usedforsecurity=False).hexdigest()[:8])
try:
    class Sub(_blake2.blake2b):
        pass
except TypeError as e:
    print("TypeError", e)
