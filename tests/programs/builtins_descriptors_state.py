# property.__set_name__ and its AttributeError messages, unbound super and
# super.__get__, BaseException.__setstate__/__dict__, staticmethod and
# classmethod carrying the function's identity.
import pickle


def attempt(text, scope):
    try:
        exec(text, scope)
    except Exception as e:
        print(text, "->", type(e).__name__, e)


class A:
    @property
    def x(self):
        return 1

    y = property()
    z = property(lambda self: 2)


a = A()
scope = {"a": a, "A": A}
for text in ("a.x = 2", "del a.x", "a.y", "a.y = 1", "del a.y", "a.z = 3"):
    attempt(text, scope)

p = property(lambda self: 1)
attempt("p.__set__(a, 3)", {"p": p, "a": a})
print(p.__set_name__(A, "w"))
attempt("p.__set__(a, 3)", {"p": p, "a": a})
q = p.setter(None)
attempt("q.__set__(a, 3)", {"q": q, "a": a})
attempt("p.__set_name__(A)", {"p": p, "A": A})
p.__set_name__(A, 42)
attempt("p.__delete__(a)", {"p": p, "a": a})


def outer():
    class Local:
        v = property()
    return Local()


attempt("obj.v", {"obj": outer()})
attempt("(5).real = 1", {})


class B:
    def f(self):
        return "B.f"


class C(B):
    def f(self):
        return "C.f"

    sup = super()  if False else None


s = super(C)
print(repr(s), s.__self__, s.__self_class__, s.__thisclass__.__name__)
c = C()
print(s.__get__(c).f(), s.__get__(None, C) is s, s.__get__(c, C).__self__ is c)
C.sup = super(C)
print(c.sup.f(), repr(c.sup))
attempt("s.f", {"s": s})


class MySuper(super):
    pass


print(type(MySuper(C).__get__(c)).__name__)
bound = super(C, c)
print(bound.__get__(B()) is bound)

e = ValueError(1)
print(e.__dict__, e.__reduce__())
e.x = 2
print(e.__dict__)
e.__setstate__({"a": 1, "args": (5,)})
print(e.a, e.args)
print(e.__setstate__(None))
attempt("e.__setstate__(3)", {"e": e})
attempt("e.__setstate__({1: 2})", {"e": e})
e.__dict__ = {"y": 3}
print(e.y, e.__dict__)
attempt("e.__dict__ = 3", {"e": e})
attempt("del e.__dict__", {"e": e})
k = KeyError("k")
k.__setstate__({"note": "n"})
print(k.note, repr(k))


def f(x: int) -> str:
    "doc of f"


for wrapper in (staticmethod, classmethod):
    w = wrapper(f)
    print(wrapper.__name__, w.__name__, w.__qualname__, w.__doc__, w.__module__, w.__annotations__, w.__wrapped__ is f)
    print(sorted(w.__dict__))
    w.extra = 1
    print(w.__dict__["extra"])
print(staticmethod(len).__name__, sorted(staticmethod(len).__dict__))
