# Iterators of the built-in containers pickle (and copy) at their position;
# reversed() drops its sequence once exhausted.
import copy
import pickle

def roundtrip(iterator, proto):
    return pickle.loads(pickle.dumps(iterator, proto))

for proto in (0, pickle.HIGHEST_PROTOCOL):
    for data in ([4, 5, 6, 7], (4, 5, 6, 7), "abcd"):
        it = iter(data)
        print(type(roundtrip(it, proto)).__name__, list(roundtrip(it, proto)), end=" ")
        next(it)
        print(list(roundtrip(it, proto)), list(it), list(roundtrip(it, proto)))
        rev = reversed(data)
        next(rev)
        again = roundtrip(rev, proto)
        print(type(again).__name__, list(again), list(rev), list(roundtrip(rev, proto)))
    d = {"a": 1, "b": 2, "c": 3}
    for it in (iter(d), iter(d.values()), iter(d.items()), reversed(d), reversed(d.values()), reversed(d.items())):
        next(it)
        again = roundtrip(it, proto)
        print(type(again).__name__, list(again), list(it), list(roundtrip(it, proto)))

it = iter([1, 2, 3])
print(it.__reduce__()[1:], type(it.__reduce__()[0]).__name__)
next(it); it.__setstate__(0); print(list(it), it.__reduce__()[1])
it = iter((1, 2, 3)); it.__setstate__(-5); print(list(it))
it = iter((1, 2, 3)); it.__setstate__(10); print(list(it))
rev = reversed([1, 2, 3]); rev.__setstate__(10); print(list(rev))
rev = reversed([1, 2, 3]); rev.__setstate__(0); print(list(rev), rev.__reduce__()[1])
print(list(copy.copy(iter([9, 8]))), list(copy.deepcopy(reversed((1, 2)))))

class Sequence:
    def __len__(self): return 3
    def __getitem__(self, index):
        if index > 1: raise IndexError(index)
        return index * 10
print(list(reversed(Sequence())), reversed(Sequence()).__length_hint__())

class NotReversible:
    __reversed__ = None
    def __len__(self): return 1
    def __getitem__(self, index): return index
for value in (NotReversible(), 5, {1, 2}):
    try:
        reversed(value)
    except TypeError as error:
        print(type(error).__name__, error)

freed = []
class Tracked(list):
    def __del__(self):
        freed.append(True)
rev = reversed(Tracked([1]))
print(list(rev), freed)
