# _heapq and _bisect, compared with CPython (tie order included).
import _bisect
import _heapq


def show(label, thunk):
    try:
        result = thunk()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", repr(result))


state = 7


def pseudo_random(n):
    global state
    state = (state * 1103515245 + 12345) % 2**31
    return state % n


class Item:
    """Compares by key only, so ties show where items end up."""
    def __init__(self, key, tag):
        self.key, self.tag = key, tag

    def __lt__(self, other):
        return self.key < other.key

    def __repr__(self):
        return f"{self.key}{self.tag}"


heap = []
for i in range(40):
    _heapq.heappush(heap, Item(pseudo_random(10), chr(97 + i % 26)))
print(heap)
print([_heapq.heappop(heap) for _ in range(15)], heap)
data = [Item(pseudo_random(6), str(i)) for i in range(50)]
_heapq.heapify(data)
print(data)
print(_heapq.heapreplace(data, Item(3, "R")), _heapq.heappushpop(data, Item(0, "P")), _heapq.heappushpop(data, Item(9, "Q")))
print(data)
numbers = [pseudo_random(1000) for _ in range(3000)]
_heapq.heapify(numbers)
print(numbers[:20], [_heapq.heappop(numbers) for _ in range(10)])
maxheap = [pseudo_random(100) for _ in range(30)]
_heapq._heapify_max(maxheap)
print(maxheap, _heapq._heappop_max(maxheap), _heapq._heapreplace_max(maxheap, 50), maxheap)
print(_heapq.heappushpop([], 1), sorted(_heapq.heappop([5]) for _ in range(1)))
show("push not list", lambda: _heapq.heappush(1, 2))
show("pop empty", lambda: _heapq.heappop([]))
show("replace empty", lambda: _heapq.heapreplace([], 1))
show("heapify int", lambda: _heapq.heapify(1))
show("push one arg", lambda: _heapq.heappush([]))
show("uncomparable", lambda: _heapq.heappush([1], "a"))


class Shrinker:
    def __lt__(self, other):
        victim.clear()
        return True


victim = [1, 2, 3]
show("shrinking", lambda: _heapq.heappush(victim, Shrinker()))

# bisect
a = [1, 2, 2, 2, 3, 5, 8]
print([(_bisect.bisect_left(a, x), _bisect.bisect_right(a, x)) for x in range(10)])
print(_bisect.bisect_right(a, 2, 2), _bisect.bisect_left(a, 2, 0, 2), _bisect.bisect_right(a, 2, hi=-5), _bisect.bisect_left(a, 8, lo=3, hi=None))
records = [("a", 1), ("b", 3), ("c", 3), ("d", 7)]
print(_bisect.bisect_left(records, 3, key=lambda r: r[1]), _bisect.bisect_right(records, 3, key=lambda r: r[1]))
b = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    _bisect.insort_right(b, x)
print(b)
_bisect.insort_left(b, 5)
_bisect.insort_right(records, ("z", 4), key=lambda r: r[1])
print(b, records)


class Seq(list):
    def insert(self, index, value):
        print("  insert", index, value)
        super().insert(index, value)


s = Seq([1, 3])
_bisect.insort_left(s, 2)
print(s, _bisect.bisect_left("aceg", "d"), _bisect.bisect_right(range(0, 100, 5), 42))
show("negative lo", lambda: _bisect.bisect_right([1], 1, -1))
show("not a sequence", lambda: _bisect.bisect_right(1, 1))
show("no arguments", lambda: _bisect.bisect_left())
show("tuple insort", lambda: _bisect.insort_right((1,), 1))
show("hi past end", lambda: _bisect.bisect_right([1, 2], 1, 0, 10))
