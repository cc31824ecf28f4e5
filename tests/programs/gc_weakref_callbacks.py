# Weak references to objects only reachable from cycles: cleared, callbacks run
# (only for weak references that are themselves reachable), before __del__.
import gc
import _weakref as weakref

gc.disable()
gc.collect()
log = []


class Obj:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append("del " + self.name)


o = Obj("o")
o.self = o
ref = weakref.ref(o, lambda r: log.append(("callback", r() is None)))
del o
print(gc.collect())
print(log, ref())
log.clear()

o = Obj("inner")
o.self = o
o.ref = weakref.ref(o, lambda r: log.append("inner callback"))
del o
print(gc.collect())
print(log)
log.clear()

a = Obj("a")
b = Obj("b")
a.b = b
b.a = a
refs = [weakref.ref(a, lambda r: log.append("a callback")), weakref.ref(b, lambda r: log.append("b callback"))]
del a, b
print(gc.collect())
print(sorted(log), [r() for r in refs])
log.clear()


class Plain:
    pass


p = Plain()
p.p = p
plain_ref = weakref.ref(p)
del p
print(gc.collect(), plain_ref())

p = Plain()
p.p = p
proxy = weakref.proxy(p, lambda r: log.append("proxy callback"))
del p
print(gc.collect(), log)
try:
    proxy.p
except ReferenceError as e:
    print(type(e).__name__, e)
