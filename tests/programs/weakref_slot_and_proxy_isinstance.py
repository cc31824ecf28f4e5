# __weakref__ descriptors and __slots__ without __weakref__; isinstance through a
# proxy's __class__ (CPython's object_isinstance).
import weakref
class A: pass
class B(A): pass
class S:
    __slots__ = ["x"]
class W:
    __slots__ = ["__weakref__"]
class E(Exception): pass
class F(set): pass
print("__weakref__" in A.__dict__, "__weakref__" in B.__dict__, "__weakref__" in S.__dict__, "__weakref__" in W.__dict__, "__weakref__" in E.__dict__, "__weakref__" in F.__dict__)
a = A()
print(a.__weakref__)
r = weakref.ref(a)
print(a.__weakref__ is r)
for cls in (S, W, E, B):
    try:
        weakref.ref(cls()); print(cls.__name__, "ok")
    except TypeError as e:
        print(e)
try:
    a.__weakref__ = 1
except AttributeError as e:
    print(e)
class P:
    def __init__(self, obj): self._obj = obj
    def __getattribute__(self, name):
        if name == "_obj": return object.__getattribute__(self, name)
        return getattr(self._obj, name)
p = P(B())
print(isinstance(p, A), isinstance(p, B), isinstance(p, P), isinstance(p, int), A.__instancecheck__(p))
