# Set operators: results (in CPython's iteration order), types, comparisons,
# in-place forms, and the errors for operands that are not sets.

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

a = set(range(0, 40, 3))
b = set(range(0, 40, 4))
# Built at run time: a set display of constants is a frozenset constant
# whose order CPython's compiler may rebuild (see set_display_order.py).
words = set('ant bee cat dog eel fox gnu hen'.split())
greek = set('bee hen yak elk owl'.split())
print(a | b)
print(a & b, b & a)
print(a - b, b - a)
print(a ^ b, b ^ a)
print(words | greek)
print(words & greek, greek & words)
print(words - greek, greek - words)
print(words ^ greek, greek ^ words)
print(frozenset(words) | greek, greek | frozenset(words))
print(type(frozenset(a) | b).__name__, type(b | frozenset(a)).__name__, type(frozenset(a) & b).__name__)
print(type(frozenset(a) - b).__name__, type(frozenset(a) ^ b).__name__, type(a ^ frozenset(b)).__name__)

# big against small: CPython picks which side to iterate by size
big = set(range(100))
small = {5, 50, 500}
print(big & small, small & big, small - big, big - small == set(range(100)) - {5, 50})
print(small ^ big == big ^ small, len(big ^ small))

# in-place operators keep the object
x = {1, 2, 3}
alias = x
x |= {4}
x &= {1, 2, 4, 8}
x -= {1}
x ^= {2, 16}
print(x, alias is x)
f = frozenset([1, 2])
g = f
f |= {3}
print(f, g, f is g, type(f).__name__)

# operands that are not sets
show("set | list", lambda: {1} | [2])
show("list | set", lambda: [2] | {1})
show("set & tuple", lambda: {1} & (1,))
show("set - str", lambda: {1} - 'a')
show("set ^ dict", lambda: {1} ^ {1: 2})
show("frozenset | list", lambda: frozenset() | [])
def ior():
    s = {1}
    s |= [2]
def iand():
    s = {1}
    s &= [2]
def isub():
    s = {1}
    s -= (2,)
def ixor():
    s = {1}
    s ^= 'a'
for name, fn in [("|=", ior), ("&=", iand), ("-=", isub), ("^=", ixor)]:
    show(name, fn)
print({1}.__or__([2]), set.__ror__({1}, {2}), set.__rsub__({1}, {1, 2}), set.__rand__({1, 2}, {2}))

# comparisons
p, q = {1, 2}, {1, 2, 3}
print(p < q, p <= q, p > q, p >= q, p == q, p != q, q > p, q >= p, p < p, p <= p)
print(p == frozenset(p), frozenset(p) == p, frozenset(q) > p, p < frozenset(q))
print(p == [1, 2], p != (1, 2))
show("set < list", lambda: p < [1, 2, 3])
show("set >= list", lambda: p >= [1])
print({1, 2} == {1.0, 2.0}, {0} == {False}, {'a'} < {'a', 'b'})
print(frozenset([frozenset([1])]) == {frozenset({1})}, hash(frozenset([1, 2])) == hash(frozenset([2, 1])))

# iteration orders with ints and strs, removals and growth
grow = set()
for n in [100, 7, 64, 3, 1000, 15, 8, 31, 2**20, -5, 42, 19]:
    grow.add(n)
    print(grow)
for n in [7, 1000, 42]:
    grow.discard(n)
print(grow)
grow.update(range(30, 40))
print(grow)
letters = set()
for ch in 'the quick brown fox jumps over the lazy dog':
    letters.add(ch)
print(letters)
print(set('mississippi'), frozenset('abracadabra'), set(['x' * n for n in range(1, 12)]))
print({-1, -2, 2**61 - 1, 2**61, 2**64, -(2**63), 1.5, 2.0, 0.25})
