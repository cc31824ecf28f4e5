# array.array's errors: CPython 3.11's exceptions and messages.
import array
from array import array as A

def attempt(label, f):
    try:
        print(label, '->', f())
    except Exception as e:
        print(label, '!!', type(e).__name__, e)

class Index:
    def __index__(self):
        return 7
    def __repr__(self):
        return 'Index()'

limits = {'b': (-128, 127), 'B': (0, 255), 'h': (-2**15, 2**15 - 1), 'H': (0, 2**16 - 1),
          'i': (-2**31, 2**31 - 1), 'I': (0, 2**32 - 1), 'l': (-2**63, 2**63 - 1), 'L': (0, 2**64 - 1),
          'q': (-2**63, 2**63 - 1), 'Q': (0, 2**64 - 1), 'f': (-1, 1), 'd': (-1, 1), 'u': (0, 0)}
for code in 'bBhHiIlLqQfdu':
    low, high = limits[code]
    for value in [1.5, 'a', 'ab', None, Index(), True, 2**70, -2**70, low - 1, high + 1, low, high]:
        a = A(code)
        attempt(f'{code} append {value!r}', lambda: (a.append(value), a[-1])[1])

attempt('no args', lambda: A())
attempt('3 args', lambda: A('i', [], 3))
attempt('int code', lambda: A(1))
attempt('long code', lambda: A('ab'))
attempt('bad code', lambda: A('x'))
attempt('str init', lambda: A('i', 'ab'))
attempt('unicode array init', lambda: A('i', A('u', 'a')))
attempt('keywords', lambda: A('i', typecode='i'))
attempt('bad item in list', lambda: A('b', [1, 2, 300]))
attempt('index', lambda: A('i', [1])[5])
attempt('index str', lambda: A('i', [1])['a'])
attempt('index float', lambda: A('i', [1])[1.0])

def setitem(key, value, code='i'):
    a = A(code, [1, 2, 3])
    a[key] = value
    return a

def delitem(key):
    a = A('i', [1, 2, 3])
    del a[key]
    return a

attempt('set out of range', lambda: setitem(5, 1))
attempt('set bad value', lambda: setitem(0, 'x'))
attempt('del out of range', lambda: delitem(-4))
attempt('extended slice size', lambda: setitem(slice(None, None, 2), A('i', [1])))
attempt('slice list', lambda: setitem(slice(0, 1), [1]))
attempt('slice other kind', lambda: setitem(slice(0, 1), A('d', [1])))
attempt('add list', lambda: A('i') + [1])
attempt('add other kind', lambda: A('i') + A('d'))
attempt('radd', lambda: [1] + A('i'))

def iadd(other):
    a = A('i')
    a += other
    return a

attempt('iadd list', lambda: iadd([1]))
attempt('iadd other kind', lambda: iadd(A('d')))
attempt('mul float', lambda: A('i') * 1.5)
attempt('pop empty', lambda: A('i').pop())
attempt('pop range', lambda: A('i', [1]).pop(4))
attempt('remove', lambda: A('i', [1]).remove(4))
attempt('index missing', lambda: A('i', [1]).index(4))
attempt('index start past', lambda: A('i', [1, 2, 1]).index(2, 2))
attempt('index bad start', lambda: A('i', [1]).index(1, 'a'))
attempt('frombytes size', lambda: A('i', [1]).frombytes(b'12'))
attempt('frombytes str', lambda: A('i', [1]).frombytes('12'))
attempt('fromlist tuple', lambda: A('i', [1]).fromlist((1,)))

def fromlist_partial():
    a = A('b', [1])
    try:
        a.fromlist([2, 3, 1000])
    except OverflowError as e:
        print('fromlist error', e)
    return a

attempt('fromlist partial', fromlist_partial)

def extend_partial():
    a = A('b', [1])
    try:
        a.extend([2, 3, 1000])
    except OverflowError as e:
        print('extend error', e)
    return a

attempt('extend partial', extend_partial)
attempt('tounicode', lambda: A('i', [1]).tounicode())
attempt('fromunicode kind', lambda: A('i', [1]).fromunicode('a'))
attempt('fromunicode int', lambda: A('u').fromunicode(1))
attempt('fromfile negative', lambda: A('i').fromfile(None, -1))
attempt('fromfile no read', lambda: A('i').fromfile(1, 2))
attempt('extend other kind', lambda: A('i').extend(A('d')))
attempt('extend int', lambda: A('i').extend(3))
attempt('hash', lambda: hash(A('i')))
attempt('lt list', lambda: A('i') < [1])
attempt('append none', lambda: A('i').append())
attempt('append two', lambda: A('i').append(1, 2))
attempt('insert one', lambda: A('i').insert(1))
attempt('deepcopy no memo', lambda: A('i', [1]).__deepcopy__())
attempt('copy arg', lambda: A('i', [1]).__copy__(1))
attempt('reduce_ex no arg', lambda: A('i').__reduce_ex__())
attempt('class getitem', lambda: A[int])
attempt('bytes of unicode init', lambda: A('u', b'a\x00\x00\x00b\x00\x00\x00'))
attempt('bytes size', lambda: A('i', b'abc'))
attempt('typecode readonly', lambda: setattr(A('i'), 'typecode', 'd'))
