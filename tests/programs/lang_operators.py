# The special-method protocol: operators, reflected operators, comparisons, containers.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(self.x + other.x, self.y + other.y)
        return NotImplemented
    def __radd__(self, other):
        if other == 0:
            return self
        return NotImplemented
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __eq__(self, other):
        return isinstance(other, Vec) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)
    def __bool__(self):
        return bool(self.x or self.y)
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __iter__(self):
        yield self.x
        yield self.y
    def __contains__(self, v):
        return v in (self.x, self.y)
    def __call__(self, k):
        return self * k
    def __iadd__(self, other):
        self.x += other.x
        self.y += other.y
        return self

a, b = Vec(1, 2), Vec(3, 4)
print(a + b, 3 * a, a * 3, -a, sum([a, b]), a == Vec(1, 2), a != b, a < b, b > a)
print(bool(Vec(0, 0)), len(a), a[1], list(a), 2 in a, 5 in a, a(10), sorted([b, a]))
v = a
v += b
print(v, a, v is a, {a: "x"}[Vec(4, 6)])
try:
    a + 1
except TypeError as e:
    print("TypeError:", e)
try:
    a < 1
except (TypeError, AttributeError) as e:
    print(type(e).__name__)
try:
    Vec(1, 2) @ 3
except TypeError as e:
    print("TypeError:", e)
class Num:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
print([10, 20, 30][Num(1)], "abc"[Num(2)], bin(Num(5)) if False else "skip")
class Getattr:
    def __getattr__(self, name):
        return name.upper()
g = Getattr()
g.real = 1
print(g.anything, g.real)
class Chain:
    def __lt__(self, other): print("lt"); return True
x = Chain()
print(1 < 2 < 3, 1 < 3 < 2, x < x < x)
print(1 == 1.0, [1, 2] == [1, 2], (1, 2) < (1, 3), "a" < "b", [1] * 3, "ab" * 2)
class Eq:
    pass
e1 = Eq()
print(e1 == e1, e1 != Eq(), e1 == 5)
print(divmod(7, -2), 7 // -2, -7 % 3, 2 ** -1, 2 ** 100, 10 / 4, 7 % 0.5, 1 << 70, -(2**63) // -1)
