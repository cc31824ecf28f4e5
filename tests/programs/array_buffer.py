# Arrays as bytes-like objects: bytes(), bytearray(), file writes, struct,
# and memoryview over the array's buffer.
import io, struct
from array import array as A

a = A('h', [1, 2, -1])
print(bytes(a), bytearray(a), bytes(A('d', [1.0])), b''.join([a, b'!']))
f = io.BytesIO()
f.write(a)
a.tofile(f)
print(f.getvalue())
f.seek(0)
b = A('h')
b.fromfile(f, 6)
print(b)
try:
    b.fromfile(f, 1)
except EOFError as e:
    print('EOFError', e, b)
print(struct.unpack('3h', a), struct.unpack_from('h', a, 2))
print(b'\x01\x00' in bytes(a), a.tobytes() == bytes(a))

# memoryview over the array's own buffer: reads and writes land in the array
m = memoryview(a)
print(m.format, m.itemsize, m.nbytes, len(m), m.readonly, m.tolist(), m[1], m.obj is a)
m[0] = 42
m[1:3] = memoryview(A('h', [7, 8]))
print(a, m.tobytes(), bytes(m[::2]))
d = A('d', [0.5, 1.5])
print(memoryview(d).tolist(), memoryview(d).cast('B').tolist()[:8], memoryview(A('q', [-5])).tolist())
for call in (lambda: a.append(1), lambda: a.extend([1]), lambda: a.pop(), lambda: a.frombytes(b'\0\0'),
             lambda: a.__imul__(2), lambda: a.__delitem__(0), lambda: a.remove(42)):
    try:
        call()
        print('no error', a)
    except BufferError as e:
        print('BufferError', e)
a[0] = 1
a.byteswap()
a.reverse()
print(a, m.tolist())
m.release()
a.append(5)
print(a)
with memoryview(a) as view:
    print(view[-1])
a.append(6)
print(len(a), a.buffer_info()[1])
