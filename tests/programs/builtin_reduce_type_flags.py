# __reduce__ of built-in functions and descriptors (pickle, copy), type.__flags__, type.__text_signature__.
import abc
import copy
import inspect
import pickle

print(len.__reduce__(), [].append.__reduce__()[1][1], list.append.__reduce__()[1])
print(object.__setattr__.__reduce__()[1])
try:
    pickle.dumps(int.real)
except TypeError as e:
    print(type(e).__name__, e)
items = [1]
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    print(proto, pickle.loads(pickle.dumps(len, proto)) is len,
          pickle.loads(pickle.dumps(list.append, proto)) is list.append,
          pickle.loads(pickle.dumps([items.append], proto))[0].__self__)
print(copy.deepcopy(items.append).__self__ == items)

HEAPTYPE, BASETYPE, ABSTRACT = 1 << 9, 1 << 10, 1 << 20


class Plain:
    pass


class Abstract(abc.ABC):
    @abc.abstractmethod
    def f(self):
        pass


class Concrete(Abstract):
    def f(self):
        pass


for cls in (object, int, bool, list, type, Plain, Abstract, Concrete, KeyError):
    flags = cls.__flags__
    print(cls.__name__, bool(flags & HEAPTYPE), bool(flags & BASETYPE), bool(flags & ABSTRACT),
          [bit for bit in range(24, 32) if flags & (1 << bit)])
print(inspect.isabstract(Abstract), inspect.isabstract(Concrete))

for cls in (object, list, tuple, float, dict, int, Plain):
    print(cls.__name__, cls.__text_signature__)
print(inspect.signature(object), inspect.signature(Plain))
