# reversed / list_reverseiterator / zip / enumerate: __length_hint__,
# __reduce__, __setstate__, __class_getitem__; list *= n in place.
import copy
import pickle

r = reversed([1, 2, 3])
print(type(r).__name__, r.__length_hint__())
print(r.__reduce__())
print(next(r), r.__length_hint__(), r.__reduce__())
print(list(r), r.__length_hint__(), r.__reduce__())

r = reversed((1, 2, 3))
print(type(r).__name__, r.__length_hint__(), r.__reduce__())
print(list(r), r.__length_hint__(), r.__reduce__())

r = reversed("abcd")
r.__setstate__(1)
print(list(r))
r = reversed("abcd")
r.__setstate__(100)
print(list(r))
r = reversed("abcd")
r.__setstate__(-7)
print(list(r), r.__length_hint__())
r = reversed([1, 2, 3])
r.__setstate__(0)
print(list(r))
for bad in ("x", 1.5):
    try:
        reversed([]).__setstate__(bad)
    except TypeError as e:
        print("TypeError", e)

print(pickle.loads(pickle.dumps(reversed([5, 6, 7]))).__reduce__()[1:])
it = reversed([1, 2, 3, 4])
next(it)
print(list(copy.copy(it)), list(it))

# A sequence shrinking under a reverse iterator.
items = [1, 2, 3, 4]
it = reversed(items)
next(it)
del items[:]
print(list(it), it.__length_hint__())


class Seq:
    def __len__(self):
        return 5

    def __getitem__(self, index):
        if index == 2:
            raise IndexError(index)
        return index * 10


r = reversed(Seq())
print(type(r).__name__, r.__length_hint__(), list(r), r.__length_hint__())


class StopSeq(Seq):
    def __getitem__(self, index):
        if index == 3:
            raise StopIteration
        return index


print(list(reversed(StopSeq())))


class Custom:
    def __reversed__(self):
        return iter("zyx")


print(list(reversed(Custom())))


class NotReversible:
    __reversed__ = None

    def __len__(self):
        return 1

    def __getitem__(self, index):
        return index


for value in (NotReversible(), 3, {1, 2}, iter([])):
    try:
        reversed(value)
    except TypeError as e:
        print("TypeError", e)
try:
    reversed(sequence=[])
except TypeError as e:
    print("TypeError", e)
try:
    reversed()
except TypeError as e:
    print("TypeError", e)
print(list(reversed({"a": 1, "b": 2})), list(reversed(range(3))))


class MyReversed(reversed):
    pass


m = MyReversed([1, 2])
print(type(m).__name__, list(m), m.__reduce__()[0].__name__)

# zip keeps strict as state.
z = zip([1, 2], "ab")
red = z.__reduce__()
print(red[0].__name__, len(red), [type(i).__name__ for i in red[1]])
z = zip([1], [2], strict=True)
print(len(z.__reduce__()), z.__reduce__()[2])
z.__setstate__(False)
print(len(z.__reduce__()))
z = zip([1, 2], [3])
z.__setstate__(True)
try:
    print(list(z))
except ValueError as e:
    print("ValueError", e)
print(list(pickle.loads(pickle.dumps(zip([1, 2], "xy")))))
z = pickle.loads(pickle.dumps(zip([1, 2, 3], "xy", strict=True)))
try:
    list(z)
except ValueError as e:
    print("ValueError", e)
try:
    zip([], bogus=1)
except TypeError as e:
    print("TypeError", e)
for args in ([[1], [2, 3]], [[1, 2], [3]], [[1], [2], [3, 4]], [[1, 2], [3, 4], [5]]):
    try:
        list(zip(*args, strict=True))
    except ValueError as e:
        print("ValueError", e)

print(enumerate[int], type(enumerate[int]).__name__, enumerate[int].__origin__ is enumerate)
print(zip.__class_getitem__ if hasattr(zip, "__class_getitem__") else "zip has no __class_getitem__")

# list *= n works in place.
items = [1, 2]
alias = items
items *= 3
print(items, alias is items)
items *= 1
print(items)
items *= 0
print(items, alias is items)
items = [1]
items *= -5
print(items)
items = [[]]
items *= 2
print(items, items[0] is items[1])
for bad in (2.0, "3", None):
    try:
        items *= bad
    except TypeError as e:
        print("TypeError", e)
print(list.__imul__([1, 2], 2), list.__imul__([1], True))
print(list([1, 2].__reversed__()), type([].__reversed__()).__name__)
