import os.path
from collections import abc as A, deque
from . import sibling
from ..pkg.mod import *
a, *b, c = range(10)
x = [1, 2, 3]
y = {1, 2, 3}
z = {"a": 1, "b": 2, **x}
w = (*x, *y)
v = f"{a!r:>{b}} and {c}" f"{x=}"
u = a if b else c
t = lambda p, *q, r=1, **s: p + r
s = not (a is b)
r = a < b < c
q = x[1:2, ::3]
p = 1 + 2j, -1.5, 2 ** 100, 'ab' * 3, (1, 2) + (3,), "%s and %r" % (a, b)
del x[0], a.b, z
o = [i * j for i in range(3) for j in range(i) if i if j]
n = {k: v for k, v in z.items()}
m = (i for i in x)
l = a.b.c(d, *e, f=g, **h)
k = print(*x)
j = obj.method(1, 2, key=3)
if a and (b or c) and not d:
    pass
elif x in [1, 2] or y not in {3, 4}:
    pass
g: int = 1
h.i: str
def f(a, b: int = 1, /, c: "str" = 2, *d, e, f=3, **g) -> None:
    global A
    A = 1
    return __debug__
class K:
    __slots__ = ()
    def __init__(self):
        self.__private = 1
        super().__init__()
    @property
    @staticmethod
    def p(cls):
        return __class__
