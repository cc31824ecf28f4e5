# gc.is_tracked for atoms and containers, lazy untracking, referents and referrers.
import gc

gc.disable()
print(gc.is_tracked(0), gc.is_tracked("a"), gc.is_tracked(1.5), gc.is_tracked(None), gc.is_tracked(2 ** 100))
print(gc.is_tracked([]), gc.is_tracked(set()), gc.is_tracked(frozenset()))
print(gc.is_tracked({}), gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}), gc.is_tracked({1: (1, 2)}))

d = {"a": 1}
print(gc.is_tracked(d))
d["b"] = []
print(gc.is_tracked(d))

e = {}
e["x"] = {}
print(gc.is_tracked(e))

t = tuple([1, 2, "three"])
print(gc.is_tracked(t))
gc.collect()
print(gc.is_tracked(t))

u = tuple([1, []])
gc.collect()
print(gc.is_tracked(u))


class C:
    def method(self):
        pass


c = C()
print(gc.is_tracked(c), gc.is_tracked(C), gc.is_tracked(C.method), gc.is_tracked(c.method))
print(gc.is_tracked(int), gc.is_tracked(gc))


def f():
    yield 1


print(gc.is_tracked(f), gc.is_tracked(f()))

item = object()
container = [item, 5, "s"]
print(gc.get_referents(container) == ["s", 5, item])
print(gc.get_referents(1, "abc"))
print(container in gc.get_referrers(item))
holder = {"key": item}
print(holder in gc.get_referrers(item))
print(any(o is container for o in gc.get_objects()))
print(any(o is t for o in gc.get_objects()))

print(gc.is_finalized(c))


class Fin:
    def __del__(self):
        pass


f1 = Fin()
print(gc.is_finalized(f1))
f1.__del__()
print(gc.is_finalized(f1))
