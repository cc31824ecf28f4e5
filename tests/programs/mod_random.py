# _random: CPython's Mersenne Twister, seeded sequences, getrandbits, state, and
# subclassing the way random.py does. random.py's own helpers are reproduced here
# (randbelow, randrange, shuffle, choice) so the same numbers come out under both.
import _random


def show(label, thunk):
    try:
        result = thunk()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", repr(result))


class Random(_random.Random):
    """What random.Random adds on top of _random.Random (simplified)."""

    def __init__(self, x=None):
        self.seed(x)
        self.gauss_next = None

    def seed(self, a=None):
        super().seed(a)
        self.gauss_next = None

    def _randbelow(self, n):
        k = 0          # n.bit_length(), spelled out
        while n >> k:
            k += 1
        r = self.getrandbits(k)
        while r >= n:
            r = self.getrandbits(k)
        return r

    def randrange(self, start, stop=None, step=1):
        if stop is None:
            return self._randbelow(start)
        width = stop - start
        if step == 1:
            return start + self._randbelow(width)
        n = (width + step - 1) // step
        return start + step * self._randbelow(n)

    def randint(self, a, b):
        return self.randrange(a, b + 1)

    def choice(self, seq):
        return seq[self._randbelow(len(seq))]

    def shuffle(self, x):
        for i in reversed(range(1, len(x))):
            j = self._randbelow(i + 1)
            x[i], x[j] = x[j], x[i]

    def uniform(self, a, b):
        return a + (b - a) * self.random()


r = Random(42)
print([r.random() for _ in range(5)])
r.seed(42)
print([r.randint(1, 100) for _ in range(10)], r.choice("abcdefghij"), r.randrange(0, 1000, 7))
items = list(range(20))
r.shuffle(items)
print(items, r.uniform(1, 2), r.gauss_next)

base = _random.Random(42)
print(base.random(), base.getrandbits(5), base.getrandbits(32), base.getrandbits(33), base.getrandbits(100),
      base.getrandbits(64), base.getrandbits(0))
for seed in [0, 1, -1, 2**31, 2**32, 2**32 - 1, 2**64, 2**100 + 7, 12345678901234567890, -(2**70), 1.5, 3.0, -2.5,
             True, False, ("a", 1) if False else 7]:
    base.seed(seed)
    print(repr(seed), base.random(), base.getrandbits(70))
base.seed(2**20000 - 1)
print("huge seed", base.random())
print(_random.Random(5).random() == _random.Random(5).random(), _random.Random(-5).random() == _random.Random(5).random())

# State round trip.
state = base.getstate()
a = [base.random() for _ in range(700)]
base.setstate(state)
print(a == [base.random() for _ in range(700)], len(state), type(state).__name__, all(0 <= w < 2**32 for w in state))
base.seed(1)
state = base.getstate()
print(state[0], state[1], state[623], state[624])
base.random()
print(base.getstate()[624])
show("setstate list", lambda: base.setstate([0] * 625))
show("setstate short", lambda: base.setstate((0,) * 10))
show("setstate bad index", lambda: base.setstate((0,) * 624 + (700,)))
show("setstate negative word", lambda: base.setstate((-1,) * 624 + (1,)))
show("getrandbits(-1)", lambda: base.getrandbits(-1))
show("getrandbits('a')", lambda: base.getrandbits("a"))
show("getrandbits()", lambda: base.getrandbits())
show("random(1)", lambda: base.random(1))
show("Random(1, 2)", lambda: _random.Random(1, 2))
show("Random(x=1)", lambda: _random.Random(x=1))
show("seed(1, 2)", lambda: base.seed(1, 2))
show("seed unhashable", lambda: base.seed([1]))

# Unseeded generators differ (entropy), and both stay in [0, 1).
u1, u2 = _random.Random(), _random.Random()
print(u1.random() != u2.random(), 0 <= u1.random() < 1, _random.Random(None).getrandbits(8) < 256)

# Subclass instances carry the state and attributes.
sub = Random(7)
sub.extra = "kept"
print(sub.random(), sub.extra, isinstance(sub, _random.Random), type(sub).__mro__[1])
print(_random.Random.__module__, _random.Random.__name__, repr(_random.Random))
