# array.array: construction, items, slices, operators, methods, repr.
import array
from array import array as A

print(array.typecodes, array.ArrayType is A, A.__module__, A.__name__)
for code in array.typecodes:
    a = A(code)
    print(code, a.typecode, a.itemsize, repr(a), len(a))

print(A('i', [1, 2, 3]), A('d', (1.5, 2)), A('b', b'\x01\xff'), A('u', 'héllo'))
print(A('h', range(5)), A('i', A('i', [7, 8])), A('d', A('i', [1, 2])), A('B', bytearray(b'ab')))
print(A('f', [1.1, 2.5]), A('Q', [2**64 - 1]), A('q', [-2**63]), A('L', [2**63]))
print(A('i', iter([4, 5])), A('u', A('u', 'xy')))

a = A('i', range(10))
print(a[0], a[-1], a[2:5], a[::3], a[::-2], a[8:2:-2], a[100:], a[-100:2])
a[1] = 100
a[-1] = -9
print(a)
a[2:4] = A('i', [20, 30, 40])
print(a)
a[::2] = A('i', range(6))
print(a)
del a[0]
del a[::3]
print(a)
del a[1:3]
print(a, len(a))
a[1:1] = A('i', [7, 7])
print(a)
a[:] = a
print(a)
a[len(a):] = A('i', [1])
print(a)

b = A('d', [1.0, 2.0])
print(b + A('d', [3.0]), b * 2, 3 * b, b * 0, b * -1, A('d') * 5)
b += A('d', [4.0])
print(b)
b *= 2
print(b)
b *= 0
print(b, len(b))

c = A('i', [1, 2, 3, 2, 1])
print(2 in c, 5 in c, 2.0 in c, 'a' in c)
print(c.count(2), c.count(9), c.index(2), c.index(2, 2), c.index(1, -1), c.index(3, 0, 3))
c.append(4)
c.extend([5, 6])
c.extend(A('i', [7]))
c.extend(iter([8]))
c.insert(0, -1)
c.insert(-1, 99)
c.insert(100, 100)
c.insert(-100, -100)
print(c)
print(c.pop(), c.pop(0), c.pop(-2), c)
c.remove(2)
print(c)
c.reverse()
print(c, list(c), list(reversed(c))[:3], sorted(c)[:3])
print(c.tolist(), type(c.tolist()))
c.fromlist([10, 11])
print(c[-2:])

d = A('h', [1, 256, -2])
d.byteswap()
print(d)
print(d.tobytes())
e = A('h')
e.frombytes(d.tobytes())
e.frombytes(memoryview(b'\x00\x01'))
print(e)
for code in 'bBhHiIlLqQfd':
    x = A(code, [1, 2, 3])
    x.byteswap()
    x.byteswap()
    print(code, x.tolist(), len(x.tobytes()), x.buffer_info()[1])

u = A('u', 'abc')
u.fromunicode('dé€😀')
print(u, u.tounicode(), len(u), u[3], u[-1], u.tobytes()[:8])
u[0] = 'z'
print(u.tounicode())

# comparisons
print(A('i', [1, 2]) == A('i', [1, 2]), A('i', [1, 2]) == A('d', [1.0, 2.0]), A('i', [1]) != A('i', [1, 2]))
print(A('i', [1, 2]) < A('i', [1, 3]), A('i', [1, 2]) <= A('i', [1]), A('b', [3]) > A('d', [2.5]), A('i') >= A('i'))
print(A('d', [float('nan')]) == A('d', [float('nan')]), A('i', [1]) == [1], A('u', 'ab') < A('u', 'b'))

# floats are rounded through C float for 'f'
print(A('f', [0.1])[0], A('f', [1e40])[0], A('f', [-1e40])[0], A('d', [1e308 * 10])[0])

# iteration
it = iter(A('i', [1, 2, 3]))
print(next(it), list(it), list(it))
print(type(iter(A('i'))).__name__, type(iter(A('i'))).__module__)
print(sum(A('d', [0.5] * 4)), max(A('b', [-3, 5, 1])))

import copy
orig = A('i', [1, 2])
cp = copy.copy(orig)
dc = copy.deepcopy(orig)
cp[0] = 9
print(orig, cp, dc, cp is orig)

class Sub(A):
    def __init__(self, code, items=(), extra=None):
        self.extra = extra

s = Sub('i', [1, 2], extra=5)
print(s, type(s).__name__, s.extra, isinstance(s, A), s + A('i', [3]), type(s[:1]).__name__)
print(type(copy.copy(s)).__name__)
