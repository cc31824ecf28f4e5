# set and frozenset: construction, methods, messages, subclasses, repr.

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

print(set(), frozenset(), set('hello'), frozenset([3, 1, 2]), set(range(10)), {1, 2, 3})
print(set({'a': 1, 'b': 2}), set((1, 1, 2)), frozenset({5: 'x'}.keys()))
show("set(1)", lambda: set(1))
show("set([1], [2])", lambda: set([1], [2]))
show("frozenset(1)", lambda: frozenset(1))
show("frozenset(1, 2)", lambda: frozenset(1, 2))
show("set(a=1)", lambda: set(a=1))
show("frozenset(a=1)", lambda: frozenset(a=1))
show("set([[1]])", lambda: set([[1]]))

f = frozenset([1, 2])
print(frozenset(f) is f, f.copy() is f, frozenset() == frozenset(), set(f) is f)
class FS(frozenset):
    pass
fs = FS([1, 2])
print(frozenset(fs) is fs, type(frozenset(fs)).__name__, type(fs.copy()).__name__, fs, FS(), FS(f) is f)

s = {1, 2, 3}
s.add(4)
s.add(2)
s.discard(10)
s.discard(1)
s.remove(3)
print(s, len(s), 2 in s, 3 in s)
show("remove missing", lambda: s.remove(99))
show("remove tuple", lambda: s.remove((1, 2)))
show("remove unhashable", lambda: s.remove([1]))
show("discard unhashable", lambda: s.discard([1]))
show("add unhashable", lambda: s.add({}))
show("add()", lambda: s.add())
show("add(1, 2)", lambda: s.add(1, 2))
show("in unhashable", lambda: [1] in s)

# a set stands for the equal frozenset in `in`, remove and discard
t = {frozenset([1]), frozenset()}
print({1} in t, set() in t, {2} in t)
t.remove({1})
t.discard(set())
print(t)
show("remove set missing", lambda: t.remove({5}))

p = {10, 20, 30}
popped = [p.pop(), p.pop(), p.pop()]
print(sorted(popped), p)
show("pop empty", lambda: p.pop())
q = set(range(20))
print([q.pop() for _ in range(5)], q)
q.clear()
print(q, len(q))

# update and friends with several arguments of any iterable kind
u = {1}
u.update([2, 3], (4,), {5: 'x'}, 'ab')
print(u)
u.difference_update([1, 2], {3})
print(u)
u.intersection_update([4, 5, 'a', 'zz'], {4, 'a'})
print(u)
u.symmetric_difference_update([4, 99])
print(u)
show("update(1)", lambda: u.update(1))
show("update(a=1)", lambda: u.update(a=1))
show("union(a=1)", lambda: u.union(a=1))
show("symmetric_difference()", lambda: u.symmetric_difference())
show("symmetric_difference(1, 2)", lambda: u.symmetric_difference([1], [2]))
show("issubset(1)", lambda: u.issubset(1))
show("isdisjoint(1)", lambda: u.isdisjoint(1))

a = {1, 2, 3, 4}
print(a.union(), a.union([5], (6,)), a.intersection(), a.intersection([2, 3, 9], {3}), a.difference(), a.difference([1], {2}))
print(a.symmetric_difference([4, 5]), a.issubset(range(10)), a.issuperset([1, 2]), a.issuperset(a), a.isdisjoint([7, 8]), a.isdisjoint((4,)))
print(a.union() is a, a.copy() == a, a.copy() is a)
print(frozenset(a).union([9]), type(frozenset(a).union([9])).__name__, type(frozenset(a).intersection()).__name__)

# subclasses: repr uses the class name, results of operations are plain sets
class S(set):
    pass
ss = S([3, 1])
print(ss, S(), repr(S('ab')) == "S({'a', 'b'})" or repr(S('ab')) == "S({'b', 'a'})")
print(type(ss | {5}).__name__, type(ss & {1}).__name__, type(ss - {1}).__name__, type(ss ^ {1}).__name__, type(ss.copy()).__name__, type(ss.union()).__name__)
ss |= {7}
print(type(ss).__name__, ss)

# repr of a set that reaches itself
class Holder:
    def __init__(self, target):
        self.target = target
    def __repr__(self):
        return 'Holder(' + repr(self.target) + ')'
    def __hash__(self):
        return 7
loop = set()
loop.add(Holder(loop))
print(loop)
sloop = S()
sloop.add(Holder(sloop))
print(sloop)

show("hash(set)", lambda: hash(set()))
print(set.__hash__, type(hash(frozenset())).__name__)
print([n for n in dir(set()) if n not in dir(object())])
print([n for n in dir(frozenset()) if n not in dir(object())])
print(hasattr(set, '__class_getitem__'), hasattr(frozenset, '__class_getitem__'))
