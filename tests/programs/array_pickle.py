# Pickling arrays (every protocol), __reduce_ex__ and _array_reconstructor,
# including machine formats of other byte orders.
import array, pickle
from array import array as A

for code in array.typecodes:
    items = 'abc' if code == 'u' else [1, 2, 3]
    a = A(code, items)
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        b = pickle.loads(pickle.dumps(a, protocol))
        assert a == b and b.typecode == code, (code, protocol)
    print(code, a.__reduce_ex__(2)[1:], a.__reduce_ex__(3)[1])

class Sub(A):
    pass

s = Sub('d', [1.5])
s.attr = 'x'
t = pickle.loads(pickle.dumps(s, 4))
print(type(t).__name__, t, t.attr, s.__reduce_ex__(4)[2])
print(A('i', [1, 2]).__reduce_ex__(3)[0] is array._array_reconstructor)

def attempt(label, f):
    try:
        print(label, '->', f())
    except Exception as e:
        print(label, '!!', type(e).__name__, e)

recon = array._array_reconstructor
attempt('not a type', lambda: recon(1, 'i', 8, b''))
attempt('not a subtype', lambda: recon(int, 'i', 8, b''))
attempt('bad code', lambda: recon(A, 'x', 8, b''))
attempt('bad format', lambda: recon(A, 'i', 99, b''))
attempt('not bytes', lambda: recon(A, 'i', 8, 'a'))
attempt('u64 be', lambda: recon(A, 'i', 11, b'\0' * 7 + b'\1'))
attempt('s64 be', lambda: recon(A, 'b', 13, b'\xff' * 8))
attempt('s16 be', lambda: recon(A, 'h', 5, b'\xff\xfe\x00\x05'))
attempt('u32 be', lambda: recon(A, 'I', 7, b'\x00\x00\x01\x00'))
attempt('utf16 be', lambda: recon(A, 'u', 19, b'\0a\0b'))
attempt('utf16 le', lambda: recon(A, 'u', 18, b'a\0b\0'))
attempt('utf32 be', lambda: recon(A, 'u', 21, b'\0\0\0a'))
attempt('double be', lambda: recon(A, 'd', 17, b'\x3f\xf0' + b'\0' * 6))
attempt('float be', lambda: recon(A, 'f', 15, b'\x3f\x80\x00\x00'))
attempt('double to f', lambda: recon(A, 'f', 16, b'\0' * 6 + b'\xf0\x3f'))
attempt('native', lambda: recon(Sub, 'h', 4, b'\x01\x00\x02\x00'))
attempt('utf16 into i', lambda: recon(A, 'i', 18, b'a\0'))
attempt('iterator reduce', lambda: iter(A('i', [1, 2])).__reduce__())

it = iter(A('i', [1, 2, 3]))
next(it)
it2 = pickle.loads(pickle.dumps(it))
print(list(it2), list(it))
print(iter(A('i')).__reduce__()[1:], end=' ')
e = iter(A('i'))
list(e)
print(e.__reduce__()[1:])
