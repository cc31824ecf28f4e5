# __sizeof__ of dicts and sets follows CPython's table sizes: growth, the
# compact tables of str keys, deletions that keep the table, clear() that
# drops it, popitem, copies, and the set's inline 8-slot table.
def sizes(d):
    return d.__sizeof__()

print(sizes({}), sizes({'a': 1}), sizes({1: 1}), sizes(dict(a=1, b=2)))
d = {}
seen = []
for n in range(120):
    d[n] = n
    seen.append(sizes(d))
print(sorted(set(seen)))
s = {}
seen = []
for n in range(120):
    s['key' + str(n)] = n
    seen.append(sizes(s))
print(sorted(set(seen)))
mixed = {'a': 1}
print(sizes(mixed))
mixed[1] = 2
print(sizes(mixed))
gone = {'a': 1}
del gone['a']
print(sizes(gone), len(gone))
full = dict.fromkeys('abcdefgh')
print(sizes(full))
full.clear()
print(sizes(full))
full.popitem if False else None
many = dict.fromkeys(range(100))
for n in range(90):
    many.popitem()
print(sizes(many), sizes(many.copy()), sizes(dict(many)))
class D(dict):
    pass
print(sizes(D()), sizes(D(a=1)))

print(set().__sizeof__(), set(range(4)).__sizeof__(), set(range(5)).__sizeof__(), set(range(100)).__sizeof__())
grow = set()
seen = []
for n in range(200):
    grow.add(n)
    seen.append(grow.__sizeof__())
print(sorted(set(seen)))
while len(grow) > 3:
    grow.pop()
print(grow.__sizeof__(), grow.copy().__sizeof__(), frozenset(grow).__sizeof__())
grow.clear()
print(grow.__sizeof__())
print(frozenset('abcdefghij').__sizeof__(), (set(range(50)) - set(range(45))).__sizeof__())
