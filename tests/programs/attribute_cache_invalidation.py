class A:
    x = 1
    def m(self): return "A.m"
class B(A): pass
b = B()
def get(o): return o.x
def call(o): return o.m()
print(get(b), call(b))
b.x = 5; print(get(b))
del b.x; print(get(b))
A.x = 10; print(get(b))
B.x = 20; print(get(b))
A.m = lambda self: "new m"; print(call(b))
B.m = lambda self: "B m"; print(call(b))
b.m = lambda: "inst m"; print(call(b))
del b.m; print(call(b))
class P:
    @property
    def x(self): return "prop"
p = P(); print(get(p))
P.x = 3; print(get(p))
class S:
    __slots__ = ("x",)
s = S(); s.x = 7; print(get(s))
def setx(o, v): o.x = v
setx(s, 8); print(get(s))
import math
def sq(): return math.sqrt(16)
print(sq()); math.sqrt = lambda v: "patched"; print(sq())
class G:
    def __getattr__(self, n): return "ga:" + n
g = G(); print(get(g)); g.x = 2; print(get(g))
class D:
    def __get__(self, o, t): return "desc"
class E: x = D()
print(get(E()))
D.__set__ = lambda self, o, v: print("set", v)
e = E(); setx(e, 9); print(get(e))
for o in [b, p, s, g, e, E()]: 
    try: print(get(o))
    except AttributeError as ex: print(ex)
class F: pass
f = F()
try: get(f)
except AttributeError as ex: print(ex)
f.x = 1; print(get(f)); f.__class__ = B; print(get(f), call(f))
