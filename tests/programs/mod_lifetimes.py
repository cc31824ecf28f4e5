# Objects passed through the native modules are freed as soon as the last
# reference goes (no leaked references): each Tracked object records its
# __del__, and what each step freed (sorted: containers may free their items
# in any order) is compared with CPython's.
import _collections
import _functools
import _heapq
import _operator
import itertools
import math


class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        freed.append(self.name)

    def __lt__(self, other):
        return self.name < other.name

    def __eq__(self, other):
        return isinstance(other, Tracked) and self.name == other.name

    __hash__ = object.__hash__

    def __add__(self, other):
        return Tracked(self.name + "+" + other.name)

    def __mul__(self, other):
        return Tracked(self.name + "*" + other.name)

    def __repr__(self):
        return self.name


freed = []


def step(label, thunk):
    result = thunk()
    print(label, "->", result)
    del result
    print("  freed", sorted(freed))
    freed.clear()


def items(prefix, count):
    return [Tracked(f"{prefix}{i}") for i in range(count)]


step("chain", lambda: len(list(itertools.chain(items("c", 2), items("d", 1)))))
step("islice", lambda: len(list(itertools.islice(items("i", 4), 1, 3))))
step("accumulate", lambda: repr(list(itertools.accumulate(items("a", 3)))))
step("accumulate initial", lambda: repr(list(itertools.accumulate(items("b", 2), initial=Tracked("init")))))
step("groupby", lambda: [(k.name, len(list(g))) for k, g in itertools.groupby(items("g", 3), key=lambda t: Tracked("k"))])
step("tee", lambda: [len(list(t)) for t in itertools.tee(items("t", 3), 3)])
step("pairwise", lambda: len(list(itertools.pairwise(items("p", 3)))))
step("zip_longest", lambda: len(list(itertools.zip_longest(items("z", 2), [], fillvalue=Tracked("fill")))))
step("product", lambda: len(list(itertools.product(items("x", 2), repeat=2))))
step("permutations", lambda: len(list(itertools.permutations(items("m", 3), 2))))
step("cycle", lambda: len(list(itertools.islice(itertools.cycle(items("y", 2)), 5))))
step("count", lambda: next(itertools.count(Tracked("s") and 2.5, 0.5)))
step("repeat", lambda: len(list(itertools.repeat(Tracked("r"), 3))))
step("compress", lambda: len(list(itertools.compress(items("q", 3), [1, 0, 1]))))
step("starmap", lambda: len(list(itertools.starmap(lambda a, b: a, [(Tracked("sa"), Tracked("sb"))]))))


def deque_work():
    d = _collections.deque(items("e", 3), maxlen=2)
    d.append(Tracked("e3"))
    d.rotate(1)
    d.pop()
    return len(d)


step("deque", deque_work)


def defaultdict_work():
    dd = _collections.defaultdict(lambda: Tracked("made"))
    dd["a"]
    dd["b"] = Tracked("set")
    return len(dd)


step("defaultdict", defaultdict_work)
step("reduce", lambda: _functools.reduce(lambda a, b: a + b, items("f", 3)).name)
step("partial", lambda: _functools.partial(lambda *a, **k: len(a) + len(k), Tracked("pa"), k=Tracked("pk"))(Tracked("pc")))
step("heapq", lambda: [_heapq.heappop(h).name for h in [items("h", 3)]])
step("prod", lambda: math.prod(items("n", 2), start=Tracked("start")).name)
step("itemgetter", lambda: _operator.itemgetter(0, 1)(items("o", 3))[1].name)
step("sorted with key", lambda: [t.name for t in sorted(items("k", 3), key=_functools.cmp_to_key(lambda a, b: 0))])
print("end")
