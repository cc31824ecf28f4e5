# dict: construction, methods, KeyError messages, __missing__, order.

def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)

d = dict(a=1, b=2)
print(d, len(d), dict(), dict([('x', 1), ('y', 2)]), dict({'k': 'v'}, z=0))
print(dict(["ab", "cd"]), dict(zip([1, 2], "xy")))
show("dict(1, 2)", lambda: dict(1, 2))
show("dict([1])", lambda: dict([1]))
show("dict([(1, 2, 3)])", lambda: dict([(1, 2, 3)]))
show("dict(5)", lambda: dict(5))

# get / setdefault / pop / popitem
print(d.get('a'), d.get('zz'), d.get('zz', 'dflt'))
show("get()", lambda: d.get())
show("get(1, 2, 3)", lambda: d.get(1, 2, 3))
show("get(key=1)", lambda: d.get(key=1))
print(d.setdefault('c', 3), d.setdefault('a', 100), d.setdefault('n'), d)
print(d.pop('c'), d.pop('missing', 'fallback'), d)
show("pop missing", lambda: d.pop('missing'))
show("pop()", lambda: d.pop())
show("pop(1, 2, 3)", lambda: d.pop(1, 2, 3))
show("empty pop unhashable", lambda: {}.pop([1], 'ok'))
show("pop unhashable", lambda: d.pop([1], 'ok'))
print(d.popitem(), d.popitem(), d)
show("popitem empty", lambda: {}.popitem())
show("keys(1)", lambda: d.keys(1))
show("copy(1)", lambda: d.copy(1))
show("clear(1)", lambda: d.clear(1))

# KeyError carries the key itself
for key in ['x', (), (1, 2), 0, None, 2.5]:
    try:
        {}[key]
    except KeyError as e:
        print("KeyError", repr(e), e.args)
show("unhashable key", lambda: {}[[1]])
show("unhashable in tuple", lambda: {}[(1, [2])])
show("unhashable set", lambda: {1: 2}[{1}])
show("del missing", lambda: d.__delitem__('nope'))
e = {1: 'one'}
del e[1]
print(e)

# update forms
u = {}
u.update({'a': 1})
u.update([('b', 2)], c=3)
u.update(d=4)
u.update(dict(e=5).items())
print(u)
show("update(1, 2)", lambda: u.update(1, 2))
show("update(1)", lambda: u.update(1))
show("update([1])", lambda: u.update([1]))
show("update(['abc'])", lambda: u.update(['abc']))

class Mapping:
    def keys(self):
        return ['p', 'q']
    def __getitem__(self, key):
        return key * 2
u.update(Mapping())
print(u, dict(Mapping()))

# fromkeys
print(dict.fromkeys('abc'), dict.fromkeys([1, 2], 0), dict.fromkeys(range(3), []))
show("fromkeys()", lambda: dict.fromkeys())
show("fromkeys(1)", lambda: dict.fromkeys(1))

class Sub(dict):
    pass
made = Sub.fromkeys('xy', 1)
print(type(made).__name__, made)

# copy gives a plain dict with the same order
order = {}
for i in range(10):
    order[str(i)] = i
for i in range(0, 10, 3):
    del order[str(i)]
order['0'] = 'again'
print(order, order.copy(), type(Sub(a=1).copy()).__name__)

# clear, in, len, iteration order after deletes and re-inserts
c = {i: i * i for i in range(8)}
del c[3]
c[3] = 'new'
c[100] = 1
print(list(c), 3 in c, 50 in c, len(c))
c.clear()
print(c, len(c))

# equality
print({1: 2} == {1: 2.0}, {1: 2} != {1: 3}, {1: 2, 3: 4} == {3: 4, 1: 2}, {} == {}, {1: 2} == [1])
show("dict < dict", lambda: {} < {})
show("dict <= dict", lambda: {1: 2} <= {1: 2})
show("hash(dict)", lambda: hash({}))
print(dict.__hash__)

# | and |=
a = {'x': 1, 'y': 2}
b = {'y': 20, 'z': 30}
print(a | b, b | a, a, b)
a |= b
print(a)
a |= [('w', 0)]
print(a)
show("dict | list", lambda: {} | [])
show("dict | int", lambda: {} | 1)
print({}.__or__(1), dict.__ror__({1: 2}, {3: 4}))
def ior_int():
    x = {}
    x |= 5
show("dict |= int", ior_int)
print(type(Sub(a=1) | {'b': 2}).__name__)

# reversed
r = {'one': 1, 'two': 2, 'three': 3}
print(list(reversed(r)), list(reversed(r.keys())), list(reversed(r.values())), list(reversed(r.items())))
print(type(reversed(r)).__name__, type(reversed(r.values())).__name__, type(reversed(r.items())).__name__)
print(list(reversed({})))

# repr recursion
loop = {}
loop['self'] = loop
print(loop)
nested = {'a': [loop]}
print(nested)

# __missing__ in subclasses
class Default(dict):
    def __missing__(self, key):
        return 'missing ' + repr(key)
dd = Default(a=1)
print(dd['a'], dd['b'], dd.get('b'), 'b' in dd, len(dd))
class Counter(dict):
    def __missing__(self, key):
        self[key] = 0
        return 0
cnt = Counter()
for word in 'a b a c a b'.split():
    cnt[word] = cnt[word] + 1
print(cnt)
class NoMissing(dict):
    pass
show("subclass KeyError", lambda: NoMissing()['k'])

# keys that are equal across types share one entry
m = {1: 'int'}
m[1.0] = 'float'
m[True] = 'bool'
print(m, {0: 'a', False: 'b', 0.0: 'c'})

# __class_getitem__ exists
print(hasattr(dict, '__class_getitem__'))

# dir(dict)
print([n for n in dir({}) if n not in dir(object())])
