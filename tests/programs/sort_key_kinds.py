# list.sort's direct comparisons for all-int, all-float and all-str keys,
# and the general path for mixed keys, with stability and reverse.
import random
rng = random.Random(7)
ints = [rng.randrange(-50, 50) for _ in range(200)]
print(sorted(ints)[:12], sorted(ints, reverse=True)[:12])
floats = [rng.uniform(-1, 1) for _ in range(100)] + [float('inf'), -0.0, 0.0, float('-inf')]
s = sorted(floats)
print(s[:3], s[-3:], s.index(0.0) < len(s))
words = ["pear", "Apple", "apple", "é", "z", "", "\U0001F600", "ab", "a"]
print(sorted(words), sorted(words, reverse=True))
pairs = [(k % 5, i) for i, k in enumerate(ints[:30])]
print(sorted(pairs, key=lambda p: p[0])[:10])
print(sorted(pairs, key=lambda p: p[0], reverse=True)[:10])
mixed = [3, 2.5, True, 10**30, -1, 0.0]
print(sorted(mixed))
class Str(str): pass
print(sorted([Str("b"), "a", Str("c")]))
big = [10**20, 5, -10**20, 7]
print(sorted(big))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print(type(e).__name__, e)
class Bad:
    def __lt__(self, other): raise ValueError("no order")
try:
    sorted([Bad(), Bad()])
except ValueError as e:
    print(type(e).__name__, e)
nan = float('nan')
print(sorted([3.0, nan, 1.0, 2.0])[1:])
items = list(range(20))
items.sort(key=lambda v: v % 3)
print(items)
class Counting:
    calls = 0
    def __init__(self, v): self.v = v
    def __lt__(self, other):
        Counting.calls += 1
        return self.v < other.v
    def __eq__(self, other): return self.v == other.v
    def __hash__(self): return hash(self.v)
    def __len__(self): return self.v
    def __add__(self, other): return Counting(self.v + other.v)
    def __radd__(self, other): return Counting(other + self.v)
c = sorted(Counting(v) for v in [5, 3, 9, 1])
print([x.v for x in c], len(c[2]), (c[0] + c[1]).v, (1 + c[3]).v, c[0] == Counting(1), hash(c[1]) == hash(3))
