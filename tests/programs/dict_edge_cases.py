# Keys whose __eq__ or __hash__ misbehave or mutate the table, big tables,
# popitem order, update with itself and with dict subclasses.

class Collide:
    """Every instance has the same hash; equality by value."""
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        return 42
    def __eq__(self, other):
        return isinstance(other, Collide) and self.n == other.n
    def __repr__(self):
        return f'C{self.n}'

d = {}
for n in range(20):
    d[Collide(n)] = n
print(len(d), d[Collide(13)], Collide(25) in d, list(d)[:5])
for n in range(0, 20, 2):
    del d[Collide(n)]
print(len(d), list(d), d.get(Collide(2)), d.get(Collide(3)))
s = set(Collide(n) for n in range(10))
s.discard(Collide(4))
print(len(s), Collide(4) in s, Collide(5) in s)

class Raising:
    def __hash__(self):
        return 7
    def __eq__(self, other):
        raise ValueError('no comparing')
r = {Raising(): 1}
try:
    r[Raising()]
except ValueError as e:
    print('ValueError', e)
try:
    {7: 'seven', Raising(): 1}
except ValueError as e:
    print('ValueError', e)
try:
    {Raising(), Raising()}
except ValueError as e:
    print('ValueError', e)

class BadHash:
    def __hash__(self):
        raise RuntimeError('hash failed')
for action in [lambda: {BadHash(): 1}, lambda: {1: 2}[BadHash()], lambda: BadHash() in {1}, lambda: {1}.add(BadHash())]:
    try:
        action()
    except RuntimeError as e:
        print('RuntimeError', e)

class Mutator:
    """Its __eq__ empties the dict being searched."""
    def __init__(self, target):
        self.target = target
    def __hash__(self):
        return 1
    def __eq__(self, other):
        self.target.clear()
        return False
target = {}
target[Mutator(target)] = 'a'
print(Mutator(target) in target, target)
target[Mutator(target)] = 'b'
target[Mutator(target)] = 'c'
print(len(target))

# dict.update(self) and merges of subclasses
same = {'a': 1}
same.update(same)
same |= same
print(same)
class Ordered(dict):
    def __iter__(self):
        return iter(sorted(super().keys(), reverse=True))
    def keys(self):
        return list(self.__iter__())
o = Ordered(b=1, a=2, c=3)
print(dict(o), {**o}, {}.__or__(o) if False else dict({}) | dict(o))
print(list(o), dict(zip(o, range(3))))

# big tables keep insertion order through growth, deletes and popitem
big = {}
for n in range(1000):
    big[n * 7919 % 1009] = n
for n in range(0, 1000, 3):
    big.pop(n * 7919 % 1009, None)
print(len(big), list(big)[:8], list(big)[-4:])
items = [big.popitem() for _ in range(3)]
print(items, len(big))
big.clear()
print(big, len(big))
strs = {}
for n in range(300):
    strs[f'key{n}'] = n
print(len(strs), strs['key123'], 'key300' in strs, list(strs)[-3:])

# setdefault and pop on the same key across growth
grow = {}
for n in range(50):
    grow.setdefault(n % 17, []).append(n)
print(grow[3], len(grow), grow.pop(16), len(grow))

# keyword argument dicts
def kw(**kwargs):
    return kwargs
print(kw(b=2, a=1), kw(**{'x': 1}, y=2), dict(kw(z=26), w=23))
