# Generators in cycles: a suspended generator whose frame refers back to it.
import gc
import _weakref as weakref

gc.disable()
gc.collect()


class Holder:
    pass


def gen(holder):
    yield 1
    yield 2


h = Holder()
g = gen(h)
print(next(g))
h.g = g
r = weakref.ref(h)
rg = weakref.ref(g)
del h, g
print(gc.collect() > 0, r(), rg())


def self_ref():
    me = yield
    yield me


g = self_ref()
next(g)
g.send(g)
rg = weakref.ref(g)
del g
print(gc.collect() > 0, rg())


def unstarted(x):
    yield x


lst = []
g = unstarted(lst)
lst.append(g)
rg = weakref.ref(g)
del g, lst
print(gc.collect() > 0, rg())


def running():
    print(gc.collect() >= 0)
    yield gc.is_tracked(it)


it = running()
print(next(it))


def with_finally(box):
    try:
        yield 1
    finally:
        print("finally ran", len(box))


box = []
g = with_finally(box)
next(g)
box.append(g)
del g, box
print("collecting")
print(gc.collect() >= 0)
print("done")
