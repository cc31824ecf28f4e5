# dict.setdefault hashes the key once and compares it once.
class Hashed:
    def __init__(self):
        self.hash_count = 0
        self.eq_count = 0
    def __hash__(self):
        self.hash_count += 1
        return 42
    def __eq__(self, other):
        self.eq_count += 1
        return self is other

first = Hashed()
d = {first: 5}
second = Hashed()
print(d.setdefault(second, []), first.hash_count, second.hash_count, first.eq_count + second.eq_count)
print(d.setdefault(second, 9), d.setdefault(first), len(d))
d = {}
print(d.setdefault("a"), d.setdefault("a", 1), d.setdefault(1.0, "x"), d.setdefault(1, "y"), d)
try:
    d.setdefault([])
except TypeError as error:
    print(type(error).__name__, error)
