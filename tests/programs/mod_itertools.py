# itertools: every iterator, its laziness, reprs and error messages, compared with CPython.
import itertools
from itertools import (accumulate, chain, combinations, combinations_with_replacement, compress, count, cycle,
                       dropwhile, filterfalse, groupby, islice, pairwise, permutations, product, repeat, starmap,
                       takewhile, tee, zip_longest)


def show(label, thunk):
    try:
        result = thunk()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", result)


class Noisy:
    """An iterable that reports how far it was read."""
    def __init__(self, items):
        self.items = list(items)

    def __iter__(self):
        for item in self.items:
            print("  yield", item)
            yield item


# count
c = count()
print(c, next(c), next(c), c)
print(count(5), count(5, 2), count(1.5), count(1, 1.0), count(1, True), count(True), count(2**70), count(3, -1))
print(count(start=3, step=-1), list(islice(count(2**63 - 2), 3)), list(islice(count(0.5, 0.25), 4)))
show("count('a')", lambda: count('a'))
show("count(1, 'b')", lambda: count(1, 'b'))
show("count(x=1)", lambda: count(x=1))
show("count(1, 2, 3)", lambda: count(1, 2, 3))
c = count(10, 5)
next(c)
print(c, type(c), type(c).__name__, type(c).__module__, count.__name__)

# cycle
print(list(islice(cycle("abc"), 8)), list(islice(cycle([]), 3)))
show("cycle()", lambda: cycle())
show("cycle(1)", lambda: cycle(1))
cy = cycle(Noisy([1, 2]))
print([next(cy) for _ in range(5)])

# repeat
r = repeat("x", 3)
print(r, r.__length_hint__(), list(r), r, r.__length_hint__())
print(repeat(None), repeat(1, -5), repeat("a", times=2), list(islice(repeat(7), 3)))
show("repeat()", lambda: repeat())
show("repeat(1, 2, 3)", lambda: repeat(1, 2, 3))
show("repeat(1, 'a')", lambda: repeat(1, 'a'))
show("repeat(1, 2**70)", lambda: repeat(1, 2**70))
show("len hint forever", lambda: repeat(1).__length_hint__())
show("list(map(pow, range(5), repeat(2)))", lambda: list(map(pow, range(5), repeat(2))))

# accumulate
print(list(accumulate([1, 2, 3, 4, 5])), list(accumulate([1, 2, 3], initial=100)), list(accumulate([], initial=1)))
print(list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate("abc")), list(accumulate([2, 3, 4], lambda a, b: a * b)))
print(list(accumulate([1, 2], None)), list(accumulate(iterable=[5, 6], func=None, initial=None)))
show("accumulate mix", lambda: list(accumulate([1, 'a'])))
show("accumulate()", lambda: accumulate())
show("accumulate 3 positional", lambda: accumulate([1], None, None))
show("accumulate bad kw", lambda: accumulate([1], x=3))

# chain
print(list(chain()), list(chain([1, 2], (3,), "ab", range(2))), list(chain.from_iterable(["ab", [1, 2], ()])))
ch = chain(Noisy("ab"), Noisy("c"))
print(next(ch), next(ch))
show("chain(1)", lambda: list(chain([0], 1)))
show("chain(x=1)", lambda: chain(x=1))
show("chain.from_iterable()", lambda: chain.from_iterable())
show("chain.from_iterable(1)", lambda: chain.from_iterable(1))
print(type(chain.from_iterable([])) is chain)

# compress
print(list(compress("abcdef", [1, 0, 1, 0, 1, 1])), list(compress("abc", [1, 1])), list(compress("ab", [0, 1, 1, 1])))
show("compress([1])", lambda: compress([1]))
print(list(compress(data="xyz", selectors=[0, 1, 1])))

# dropwhile / takewhile / filterfalse
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a", None, [], [0]])))
show("dropwhile(1)", lambda: dropwhile(1))
show("takewhile(1)", lambda: takewhile(1))
show("filterfalse(None)", lambda: filterfalse(None))
show("takewhile kw", lambda: takewhile(lambda x: x, iterable=[1]))
show("dropwhile raising", lambda: list(dropwhile(lambda x: 1 / x, [1, 0, 2])))
tw = takewhile(lambda x: x < 3, Noisy([1, 2, 3, 4]))
print(list(tw), list(tw))

# islice
print(list(islice("ABCDEFG", 2)), list(islice("ABCDEFG", 2, 4)), list(islice("ABCDEFG", 2, None)))
print(list(islice("ABCDEFG", 0, None, 2)), list(islice(range(10), 1, 9, 3)), list(islice(range(10), None)))
print(list(islice(range(10), None, None, None)), list(islice(range(3), 5, 10)), list(islice(count(), 3, 8, 2)))
show("islice([1])", lambda: islice([1]))
show("islice(-1)", lambda: islice([1], -1))
show("islice('a')", lambda: islice([1], 'a'))
show("islice(0, -1)", lambda: islice([1], 0, -1))
show("islice(-1, 3)", lambda: islice([1], -1, 3))
show("islice step 0", lambda: islice([1], 0, 5, 0))
show("islice step -1", lambda: islice([1], 0, 5, -1))
show("islice 5 args", lambda: islice([1], 1, 2, 3, 4))
show("islice(1, 2)", lambda: islice(1, 2))
show("islice kw", lambda: islice([1], stop=2))
it = iter(range(10))
print(list(islice(it, 3)), next(it), list(islice(it, 1, 3)), next(it))
sl = islice(Noisy([1, 2, 3, 4, 5]), 1, 4, 2)
print(list(sl))

# pairwise
print(list(pairwise("abcd")), list(pairwise("a")), list(pairwise([])))
show("pairwise()", lambda: pairwise())
show("pairwise(1)", lambda: pairwise(1))

# starmap
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(max, ["ab", [3, 9, 2]])))
show("starmap(1)", lambda: starmap(1))
show("starmap bad item", lambda: list(starmap(pow, [1])))

# tee
a, b = tee(Noisy([1, 2, 3]))
print(next(a), next(a), next(b), list(a), list(b))
print(len(tee([1])), len(tee("ab", 5)), [list(t) for t in tee("xyz", 3)])
show("tee(n=-1)", lambda: tee([1], -1))
show("tee(1)", lambda: tee(1))
show("tee()", lambda: tee())
t1, t2 = tee(range(200))
print(sum(t1), sum(t2))
t1, t2 = tee(iter("abc"))
t3 = t1.__copy__()
print(next(t1), list(t3), list(t2), type(t1).__name__, list(t1))
x, y = tee(t2)
print(x is not t2, list(x))

# zip_longest
print(list(zip_longest("ABCD", "xy", fillvalue="-")), list(zip_longest()), list(zip_longest("ab")))
print(list(zip_longest([1, 2], [3], [4, 5, 6])))
show("zip_longest(1)", lambda: zip_longest(1))
show("zip_longest kw", lambda: zip_longest([1], x=2))

# groupby
print([(k, list(g)) for k, g in groupby("AAAABBBCCDAABBB")])
print([k for k, g in groupby("AAAABBBCCD")], [(k, list(g)) for k, g in groupby([1, 3, 5, 2, 4, 7], key=lambda x: x % 2)])
groups = groupby("aabbc")
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, next(g2), [k for k, g in groups], list(g2))
gb = groupby([])
print(list(gb))
show("groupby()", lambda: groupby())
show("groupby(1)", lambda: groupby(1))
print(type(next(groupby("a"))[1]).__name__, type(groupby("a")).__name__)

# product / permutations / combinations / combinations_with_replacement
print(list(product("ab", "xy")), list(product(range(2), repeat=3)), list(product()), list(product("ab", [])))
print(list(product("ab", repeat=0)), list(product([1, 2], "c", repeat=2)))
show("product(1)", lambda: product(1))
show("product repeat -1", lambda: product([1], repeat=-1))
show("product kw", lambda: product([1], x=1))
print(list(permutations("abc")), list(permutations(range(4), 2)), list(permutations([], 0)), list(permutations("ab", 3)))
print(list(permutations("abc", 0)), list(permutations("abcd", 4))[-3:], len(list(permutations(range(6)))))
show("permutations(-1)", lambda: permutations([1], -1))
show("permutations()", lambda: permutations())
print(list(combinations("abcd", 2)), list(combinations(range(4), 3)), list(combinations("ab", 3)), list(combinations("ab", 0)))
show("combinations([1])", lambda: combinations([1]))
show("combinations(-1)", lambda: combinations([1], -1))
print(list(combinations_with_replacement("abc", 2)), list(combinations_with_replacement([], 2)),
      list(combinations_with_replacement([], 0)), list(combinations_with_replacement("ab", 3)))
show("cwr(-1)", lambda: combinations_with_replacement([1], -1))
print(len(list(combinations(range(10), 4))), len(list(combinations_with_replacement(range(5), 4))))

# Subclasses of itertools types.
class Counter(count):
    pass


class Chainer(chain):
    def __init__(self, *iterables):
        self.seen = len(iterables)


cc = Counter(3)
print(next(cc), next(cc), type(cc).__name__, isinstance(cc, count))
ch = Chainer("ab", "c")
print(list(ch), ch.seen)
print(sorted(name for name in dir(itertools) if not name.startswith("_")))
show("len(count())", lambda: len(count()))
show("count() + 1", lambda: count() + 1)
print(count.__qualname__, repr(count), repr(itertools._grouper), itertools.tee.__name__)
