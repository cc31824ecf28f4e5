# _collections: deque, defaultdict, _count_elements and _tuplegetter, compared with CPython.
from _collections import deque, defaultdict, _count_elements, _tuplegetter


def show(label, thunk):
    try:
        result = thunk()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", repr(result))


# deque basics
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d.pop(), d.popleft(), d, bool(d), bool(deque()))
d.rotate(1)
print(d)
d.rotate(-2)
print(d)
d.rotate()
print(d)
d.rotate(10)
print(d)
d.extend("ab")
d.extendleft("xy")
print(d, d.maxlen)
d.reverse()
print(d)
d.clear()
print(d)
print(deque("abcdef", 3), deque(maxlen=2), deque(iterable=[1]), deque([1], None), list(reversed(deque([1, 2, 3]))))
big = deque(range(100))
big.rotate(37)
print(list(big)[:5], big[50], big[-1])
big.rotate(-80)
print(list(big)[:5], len(big))
for _ in range(3):
    big.append(big.popleft())
print(big[0], big[99])

# indexing, insert, remove, index, count
d = deque(range(10))
del d[3]
d.insert(2, "i")
d.insert(-1, "j")
d.insert(100, "end")
d.insert(-100, "start")
d.remove(5)
print(d, d.index(7), d.index(7, 2), d.index(7, -5), d.count(1), 8 in d, 42 in d)
d[0] = "first"
d[-1] = "last"
print(d)
show("pop empty", lambda: deque().pop())
show("popleft empty", lambda: deque().popleft())
show("index out of range", lambda: deque([1])[5])
show("negative out of range", lambda: deque([1, 2, 3])[-4])
show("str index", lambda: deque([1])["a"])
show("slice", lambda: deque([1])[0:1])
show("remove missing", lambda: deque([1]).remove(2))
show("index missing", lambda: deque([1]).index(2))
show("index after stop", lambda: deque([1, 2]).index(1, 1))
show("insert full", lambda: deque([1], 1).insert(0, 2))
show("maxlen negative", lambda: deque([1], -1))
show("maxlen str", lambda: deque([1], "a"))
show("maxlen float", lambda: deque([1], maxlen=2.0))
show("not iterable", lambda: deque(1))
show("three arguments", lambda: deque([1], 2, 3))
show("bad keyword", lambda: deque(x=1))
show("extend not iterable", lambda: deque([1]).extend(1))
show("rotate str", lambda: deque([1]).rotate("a"))
show("hash", lambda: hash(deque()))
show("compare list", lambda: deque([1]) < [1])
show("add list", lambda: deque([1]) + [1])
show("mul str", lambda: deque([1]) * "a")

# maxlen behaviour
d = deque(maxlen=3)
for i in range(6):
    d.append(i)
print(d)
d.appendleft(-1)
print(d)
d.extend([10, 11])
print(d)
d.extendleft([20])
print(d, d.maxlen)
zero = deque(maxlen=0)
zero.append(1)
zero.extend(range(5))
print(zero)
d = deque([1, 2, 3], 5)
d += d
print(d)
d *= 2
print(d)
d *= 0
print(d)

# operators and comparisons
print(deque([1, 2]) + deque([3]), deque([1]) * 3, 2 * deque([5]), deque([1, 2, 3], 2) + deque([4]))
print(deque([1, 2]) == deque([1, 2]), deque([1]) == [1], deque([1]) < deque([2]), deque([1, 2]) > deque([1]),
      deque([1, 2]) <= deque([1, 2]), deque() != deque([0]))
d = deque([1])
d += [2, 3]
print(d, d.copy(), d.__copy__(), d.copy() is d)

# recursion and subclasses
d = deque([1])
d.append(d)
print(d)


class Named(deque):
    pass


n = Named([1, 2], 4)
print(n, type(n).__name__, n.copy(), type(n.copy()).__name__, isinstance(n, deque))
n.extra = "attr"
print(n.extra)

# iteration and mutation
d = deque([1, 2, 3])
it = iter(d)
print(next(it), it.__length_hint__())
d.append(4)
show("next after mutation", lambda: next(it))
show("next again", lambda: next(it))
d = deque([1, 2, 3])
show("append while iterating", lambda: [d.append(0) for x in d])
print(list(reversed(deque("abc"))), type(iter(deque())).__name__, type(reversed(deque())).__name__)


class Evil:
    def __eq__(self, other):
        victim.append(1)
        return False


victim = deque([1, 2, 3])
show("count mutating", lambda: victim.count(Evil()))
victim = deque([1, 2, 3])
show("remove mutating", lambda: victim.remove(Evil()))
victim = deque([1, 2, 3])
show("contains mutating", lambda: Evil() in victim)

# defaultdict
dd = defaultdict(list)
dd["a"].append(1)
dd["a"].append(2)
print(dd, dd.default_factory, dd["b"], dd, len(dd), "c" in dd)
print(defaultdict(int, {1: 2}, x=3), defaultdict(None, [(1, 2)]), defaultdict(), defaultdict(int) | {1: 2},
      {3: 4} | defaultdict(int))
counts = defaultdict(int)
for word in "the cat and the hat and the bat".split():
    counts[word] += 1
print(sorted(counts.items()), counts.get("dog"), "dog" in counts)
dd = defaultdict(lambda: "x")
print(dd[1], dd.get(2), dd.__missing__(3), sorted(dd))
show("no factory", lambda: defaultdict(None)[1])
show("missing no factory", lambda: defaultdict().__missing__(1))
show("bad factory", lambda: defaultdict(1))
show("bad second", lambda: defaultdict(list, 1))
copy = counts.copy()
print(type(copy).__name__, copy.default_factory, copy == counts, copy is counts)
counts.default_factory = None
show("after reset", lambda: counts["zebra"])
print(defaultdict(default_factory=list))
print(isinstance(defaultdict(), dict), defaultdict.__mro__)


class Tally(defaultdict):
    pass


t = Tally(int, a=1)
t["b"] += 5
print(t, type(t.copy()).__name__)

# _count_elements
c = {}
_count_elements(c, "abracadabra")
print(c)


class Mapping(dict):
    def __setitem__(self, key, value):
        print("  set", key, value)
        super().__setitem__(key, value)


m = Mapping()
_count_elements(m, "aab")
print(m)
show("count not iterable", lambda: _count_elements({}, 5))

# _tuplegetter


class Point(tuple):
    x = _tuplegetter(0, "first")
    y = _tuplegetter(1, "second")
    z = _tuplegetter(5, "missing")


p = Point((3, 4))
print(p.x, p.y, Point.x.__doc__, type(Point.x).__name__)
show("set field", lambda: setattr(p, "x", 5))
show("missing field", lambda: p.z)
show("wrong type", lambda: Point.x.__get__(42))
Point.y.__doc__ = "changed"
print(Point.y.__doc__)
print(deque.__module__, deque.__name__, repr(deque), defaultdict.__module__, repr(defaultdict))
reduced = defaultdict(list, a=[1]).__reduce__()
print(reduced[0], reduced[1], reduced[2], reduced[3], list(reduced[4]), defaultdict(None).__reduce__()[1])
