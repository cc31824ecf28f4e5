# _functools: reduce, partial and cmp_to_key, compared with CPython.
from _functools import cmp_to_key, partial, reduce


def show(label, thunk):
    try:
        result = thunk()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", repr(result))


def f(a, b=2, *rest, **options):
    return (a, b, rest, options)


# reduce
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 10), 1))
print(reduce(lambda a, b: a + b, [], 5), reduce(lambda a, b: a + b, ["x"]), reduce(lambda a, b: [b] + a, "abc", []))
print(reduce(max, iter([3, 9, 2])), reduce(pow, [2, 3, 2]))
show("empty", lambda: reduce(lambda a, b: a + b, []))
show("not iterable", lambda: reduce(lambda a, b: a + b, 1))
show("one argument", lambda: reduce(1))
show("four arguments", lambda: reduce(1, [], 2, 3))
show("keywords", lambda: reduce(function=1, iterable=2))
show("raising", lambda: reduce(lambda a, b: a / b, [1, 0]))


def failing():
    yield 1
    yield 2
    raise ValueError("from the generator")


show("iterator raising", lambda: reduce(lambda a, b: a + b, failing()))

# partial
p = partial(f, 1, x=2)
print(p.func is f, p.args, p.keywords, p(3, y=4), p(), p(x=5), p(10, 20, 30))
print(partial(max, key=len)("a", "bbb", "cc"), partial(int, base=2)("1011"), partial(len)("abcd"))
nested = partial(p, 5, z=1)
print(nested.args, nested.keywords, nested.func is f, nested(6))
print(repr(partial(len)), repr(partial(len, "abc", a=1)), repr(partial(max, 1, 2, key=abs)))
print(partial(len, "abc").__dict__, type(partial(len)), partial.__module__, partial.__name__)
show("no arguments", lambda: partial())
show("not callable", lambda: partial(1))
show("called wrong", lambda: partial(f)())
p.attr = 5
print(p.attr, p.__dict__)
q = partial(p, 9)
print(q.func is p, q.args)
show("set func", lambda: setattr(p, "func", 2))


class MyPartial(partial):
    def describe(self):
        return f"{len(self.args)} args"


mp = MyPartial(f, 1, 2)
print(repr(mp).startswith("MyPartial(<function f"), mp(3), mp.describe(), isinstance(mp, partial))
reduced = partial(f, 1, k=2).__reduce__()
print(reduced[0] is partial, reduced[1][0] is f, reduced[2][1:])
fresh = partial(len)
fresh.__setstate__((f, (7,), {"q": 1}, None))
print(fresh(), fresh.args, fresh.keywords)
show("bad state", lambda: fresh.__setstate__((1, 2, 3, 4)))
show("recursive repr", lambda: repr(partial(lambda *a: a)).startswith("functools.partial(<function <lambda>"))


class Method:
    scale = partial(lambda self, x: (self, x))


show("not a method", lambda: Method().scale(3))
print(Method.scale(1, 2))

# cmp_to_key
def numeric(a, b):
    return (a > b) - (a < b)


key = cmp_to_key(numeric)
print(sorted([5, 1, 4, 2, 3], key=key), sorted("banana", key=cmp_to_key(lambda a, b: ord(b) - ord(a))))
print(key(1) < key(2), key(2) <= key(2), key(3) == key(3), key(3) != key(4), key(5) > key(1), key(1) >= key(9))
print(min([3, 1, 2], key=key), max(["a", "ccc", "bb"], key=cmp_to_key(lambda a, b: len(a) - len(b))))
k = key(42)
print(k.obj, type(k).__name__, type(key).__name__, type(k) is type(key))
k.obj = 7
print(k.obj)
show("compare with int", lambda: key(1) < 2)
show("hash", lambda: hash(key(1)))
show("no argument", lambda: key())
show("cmp_to_key()", lambda: cmp_to_key())
show("keyword", lambda: cmp_to_key(mycmp=numeric)(3) < cmp_to_key(mycmp=numeric)(4))
show("comparison raising", lambda: sorted([1, 2], key=cmp_to_key(lambda a, b: a / 0)))

# _lru_cache_wrapper, as functools.lru_cache uses it.
from _functools import _lru_cache_wrapper


class CacheInfo(tuple):
    def __new__(cls, hits, misses, maxsize, currsize):
        return tuple.__new__(cls, (hits, misses, maxsize, currsize))


calls = []


def make(maxsize, typed=False):
    def square(x, *rest, **options):
        calls.append(x)
        return x * x
    return _lru_cache_wrapper(square, maxsize, typed, CacheInfo)


for maxsize in [None, 0, 2, 3]:
    cached = make(maxsize)
    calls.clear()
    results = [cached(x) for x in [1, 2, 1, 3, 1, 4, 2, 1.0, 1, True]]
    results.append(cached(5, flag=True))
    results.append(cached(5, flag=True))
    results.append(cached(5, 6))
    print(maxsize, results, calls, tuple(cached.cache_info()))
    cached.cache_clear()
    print(tuple(cached.cache_info()))

typed = make(None, typed=True)
calls.clear()
print([typed(x) for x in [1, 1.0, True, 1]], calls, tuple(typed.cache_info()))
keyed = make(None)
calls.clear()
print(keyed(2, a=1, b=2), keyed(2, b=2, a=1), keyed(2, a=1, b=2), calls, tuple(keyed.cache_info()))


@lambda f: _lru_cache_wrapper(f, 100, False, CacheInfo)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), tuple(fib.cache_info()))


class Thing:
    @lambda f: _lru_cache_wrapper(f, None, False, CacheInfo)
    def describe(self, suffix):
        return f"thing{suffix}"


t = Thing()
print(t.describe("!"), t.describe("!"), tuple(Thing.describe.cache_info()), type(Thing.describe).__name__)
wrapper = make(3)
wrapper.__wrapped__ = "w"
wrapper.cache_parameters = lambda: {"maxsize": 3}
print(wrapper.__wrapped__, wrapper.cache_parameters(), sorted(wrapper.__dict__), wrapper.__copy__() is wrapper)
show("not callable", lambda: _lru_cache_wrapper(1, 1, False, CacheInfo))
show("bad maxsize", lambda: _lru_cache_wrapper(len, "a", False, CacheInfo))
show("negative maxsize", lambda: tuple(_lru_cache_wrapper(len, -5, False, CacheInfo).cache_info()))
show("missing", lambda: _lru_cache_wrapper(len))
show("unhashable", lambda: make(None)([1]))
