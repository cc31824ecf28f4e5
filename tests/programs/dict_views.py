# dict views: live, set-like (keys and items), comparisons, operators.

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

d = {'a': 1, 'b': 2, 'c': 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i, len(k), len(v), len(i))
print(type(k).__name__, type(v).__name__, type(i).__name__)
d['d'] = 4
del d['a']
print(k, v, i)
print('b' in k, 'a' in k, 2 in v, 9 in v, ('b', 2) in i, ('b', 3) in i, 'b' in i, ('b',) in i, ['b', 2] in i)
show("unhashable in keys", lambda: [1] in k)
show("unhashable in items", lambda: ([1], 2) in i)
print(list(iter(k)), list(v), list(i))
print(k.mapping == d, i.mapping is d or i.mapping == d)

# comparisons with sets and views
print(k == {'b', 'c', 'd'}, k == {'b'}, k != {'b'}, k < {'b', 'c', 'd', 'e'}, k <= {'b', 'c', 'd'})
print(k > {'b'}, k >= {'b', 'c', 'd'}, k > k, k >= k, k == k)
print(i == {('b', 2), ('c', 3), ('d', 4)}, i <= {('b', 2), ('c', 3), ('d', 4), 5})
print({'b', 'c', 'd'} == k, frozenset('bcd') == k, k == list(k), k == 'bcd')
print(v == v, v == d.values(), v != v)
show("keys < int", lambda: k < 1)
show("hash(keys)", lambda: hash(k))
show("hash(items)", lambda: hash(i))
print(type(hash(v)).__name__)

# operators: keys and items views against sets, lists and other views
e = {'c': 30, 'd': 4, 'e': 5}
print(sorted(k | e.keys()), sorted(k & e.keys()), sorted(k - e.keys()), sorted(k ^ e.keys()))
print(sorted(k | ['x']), sorted(k & ['c', 'zz']), sorted(['b', 'q'] - k), sorted(('q', 'c') ^ k))
print(sorted(i & e.items()), sorted(i - e.items()), sorted(i ^ e.items()), sorted(e.items() ^ i))
print(sorted(i | {('z', 26)}), sorted({('z', 26), ('b', 2)} & i))
print(type(k | set()).__name__, type(k & []).__name__, type(k - ()).__name__, type(k ^ set()).__name__)
show("keys - int", lambda: k - 1)
show("int - keys", lambda: 1 - k)
show("keys | int", lambda: k | 1)
show("values | set", lambda: v | set())
show("keys & int", lambda: k & 1)
show("items ^ int", lambda: i ^ 1)
print(k.isdisjoint({'x'}), k.isdisjoint(['b']), k.isdisjoint(k), {}.keys().isdisjoint({}.keys()))
print(i.isdisjoint([('b', 2)]), i.isdisjoint({('b', 9)}))
show("isdisjoint(1)", lambda: k.isdisjoint(1))
show("values.isdisjoint", lambda: v.isdisjoint)

# with integers the set order is CPython's
nums = {n: n * n for n in range(12)}
print(nums.keys() - {3, 5}, nums.keys() & {11, 2, 40}, nums.keys() | {100, -1}, nums.keys() ^ {0, 50})
print(nums.items() & {(2, 4), (3, 10)}, {(2, 4), (3, 9)} & nums.items())

# reversed views follow the dict's order backwards
print(list(reversed(k)), list(reversed(v)), list(reversed(i)))

# repr of a view inside its own dict
loop = {}
loop[1] = loop.values()
print(loop)
print(loop.values())
print({}.keys(), {}.items())

# length hints
it = iter(d)
print(it.__length_hint__(), next(it), it.__length_hint__())
rit = reversed(d.items())
print(rit.__length_hint__(), next(rit), rit.__length_hint__())
print(list(it), list(rit), it.__length_hint__())
print([n for n in dir(k) if n not in dir(object())])
print([n for n in dir(v) if n not in dir(object())])
