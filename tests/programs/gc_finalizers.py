# Cycles with __del__ (PEP 442): finalized once, resurrection, classes in cycles.
import gc
import _weakref as weakref

gc.disable()
gc.collect()
log = []


class Finalized:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append(self.name)


a = Finalized("a")
b = Finalized("b")
a.partner = b
b.partner = a
del a, b
print("collected", gc.collect())
print(sorted(log))
log.clear()

survivor = None


class Phoenix:
    def __del__(self):
        global survivor
        log.append("phoenix finalized")
        survivor = self


p = Phoenix()
p.me = p
del p
print("resurrecting", gc.collect())
print(log, survivor is not None, gc.is_finalized(survivor))
log.clear()
print("again", gc.collect())
survivor = None
print("after dropping", gc.collect())
print(log)


class WithSuper:
    def __init__(self):
        super().__init__()

    def __del__(self):
        log.append("instance of WithSuper")


obj = WithSuper()
obj.cycle = obj
r = weakref.ref(WithSuper, lambda ref: log.append("class gone"))
del obj
del WithSuper
print("class collected", gc.collect() > 0)
print(log, r())
log.clear()


class Chain:
    def __del__(self):
        log.append("chain")


first = Chain()
node = first
for i in range(20):
    node.next = Chain()
    node = node.next
node.next = first
del first, node
print("chain", gc.collect())
print(len(log))
log.clear()


class Raises:
    def __del__(self):
        raise ValueError("boom")


x = Raises()
x.x = x
del x
print("raising finalizer", gc.collect())
