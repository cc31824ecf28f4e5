# marshal: CPython's bytes for simple values, round trips, versions, errors.
import marshal

values = [None, True, False, 0, 1, -1, 255, 2**31 - 1, 2**31, -2**31, -2**31 - 1, 2**62, 2**100,
          -2**100, 1.5, -0.0, float('inf'), 1e300, 1+2j, -0j, 'abc', 'héllo', 'a\u20acb', '\U0001f600',
          'a\ud800b', 'with space', 'x' * 30, 'y y' * 100, b'', b'bytes', bytearray(b'ba'), (), (1, 2),
          ('ab', 'ab'), [1, [2]], [], {'a': 1}, {}, {1, 2}, frozenset([3]), frozenset(), ...,
          StopIteration, ((1, 2), [3, (4,)], {'k': (5, 6)})]

for value in values:
    print(repr(value)[:40])
    for version in (4, 3, 2, 1, 0):
        data = marshal.dumps(value, version)
        back = marshal.loads(data)
        print('   ', version, data[:60], back == value or (back != back and value != value))

# Shared objects are written once and referenced (FLAG_REF and TYPE_REF).
shared = ('ab', 'ab')
print(marshal.dumps([shared, shared]))
inner = [1]
print(marshal.dumps([inner, inner]))
loaded = marshal.loads(marshal.dumps([inner, inner]))
print(loaded, loaded[0] is loaded[1])

# A list that contains itself.
cycle = []
cycle.append(cycle)
again = marshal.loads(marshal.dumps(cycle))
print(len(again), again[0] is again)

print(marshal.version)
print(marshal.loads(marshal.dumps((1, 2)) + b'trailing'))

# Errors, as CPython words them.
for bad in [b'', b'\x01', b'i\x01', b'r\x00\x00\x00\x00', b'(\x02\x00\x00\x00N', b'0', b'{N0',
            b'\xe9\x01\x00\x00\x00', b'l\x01\x00\x00\x00\xff\xff', b'l\x01\x00\x00\x00\x00\x00',
            b'\xff', b'[\x02\x00\x00\x00N', b'z\x05ab']:
    try:
        print(bad, marshal.loads(bad))
    except Exception as e:
        print(bad, type(e).__name__, e)

for unmarshallable in [object(), [1, object()], {1: int}, lambda: 0]:
    try:
        marshal.dumps(unmarshallable)
    except Exception as e:
        print(type(e).__name__, e)

try:
    marshal.loads('abc')
except Exception as e:
    print(type(e).__name__, e)

deep = []
for _ in range(3000):
    deep = [deep]
try:
    marshal.dumps(deep)
except Exception as e:
    print(type(e).__name__, e)


# dump/load through file-like objects.
class Sink:
    def __init__(self):
        self.data = b''
        self.position = 0

    def write(self, chunk):
        self.data += chunk
        return len(chunk)

    def read(self, count=-1):
        chunk = self.data[self.position:self.position + count]
        self.position += len(chunk)
        return chunk

    def readinto(self, buffer):
        chunk = self.read(len(buffer))
        buffer[:len(chunk)] = chunk
        return len(chunk)


sink = Sink()
marshal.dump({'x': [1, 2.5]}, sink)
marshal.dump('second', sink, 2)
print(sink.data)
print(marshal.load(sink), marshal.load(sink))
try:
    marshal.load(sink)
except Exception as e:
    print(type(e).__name__, e)


class TextFile:
    def read(self, count):
        return 'text'


try:
    marshal.load(TextFile())
except TypeError as e:
    print('TypeError', e)
