# __slots__ on subclasses of built-in types other than object (functools._HashedSeq).


class HashedSeq(list):
    __slots__ = 'hashvalue'

    def __init__(self, items):
        self[:] = items
        self.hashvalue = hash(items)

    def __hash__(self):
        return self.hashvalue


h = HashedSeq((1, 2, 3))
print(h, h.hashvalue == hash((1, 2, 3)), hash(h) == hash((1, 2, 3)))
h.extend(range(20))
print(len(h), h.hashvalue == hash((1, 2, 3)))
print({h: 'found'}[h])


class Pair(dict):
    __slots__ = ('left', 'right')


p = Pair(a=1)
try:
    p.left
except AttributeError as e:
    print(type(e).__name__, e)
p.left = 'L'
p.right = 'R'
p['b'] = 2
print(p, p.left, p.right, getattr(p, 'missing', 'default'))
del p.left
try:
    p.left
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del p.left
except AttributeError as e:
    print(type(e).__name__, e)
try:
    p.other = 1
except AttributeError as e:
    print(type(e).__name__, e)
print(hasattr(p, '__dict__'), hasattr(p, 'other'))


class Plain:
    __slots__ = ('x',)


try:
    del Plain().x
except AttributeError as e:
    print(type(e).__name__, e)

import functools
from test.support import import_helper
py_functools = import_helper.import_fresh_module('functools', blocked=['_functools'])


@py_functools.lru_cache(maxsize=4)
def square(x, *, scale=1):
    return x * x * scale


print([square(i % 3, scale=2) for i in range(6)], square.cache_info())

import os
st = os.stat('.')
print(type(st.st_mtime).__name__, st.st_mtime == st[8] or isinstance(st.st_mtime, float))
try:
    st.anything = 1
except AttributeError as e:
    print(type(e).__name__)
