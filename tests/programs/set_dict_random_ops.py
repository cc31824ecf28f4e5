# Random operations (a fixed linear congruential generator) on sets and
# dicts of ints and strs; every state is printed, so iteration order, pop
# order and the results of set operations must all be CPython's.
state = 12345

def rand(n):
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return (state >> 8) % n

def value():
    kind = rand(4)
    if kind == 0:
        return rand(64)
    if kind == 1:
        return rand(8) * 1024 - 4096
    if kind == 2:
        return 'k' + str(rand(40))
    return (rand(5), 'x' * rand(3))

def some(count):
    return [value() for _ in range(count)]

s = set()
f = frozenset()
for step in range(300):
    op = rand(14)
    if op < 4:
        s.add(value())
    elif op == 4:
        s.discard(value())
    elif op == 5 and s:
        s.pop()
    elif op == 6:
        s.update(some(rand(6)))
    elif op == 7:
        s.difference_update(some(rand(10)))
    elif op == 8:
        s.intersection_update(set(some(20)) | set(list(s)[:rand(8) + 1]))
    elif op == 9:
        s.symmetric_difference_update(some(rand(5)))
    elif op == 10:
        f = frozenset(some(rand(12)))
        s |= f
    elif op == 11:
        s = s - set(some(3))
    elif op == 12:
        s = s ^ set(some(4))
    else:
        s = s & (s | set(some(2)))
    if step % 10 == 0:
        print(step, len(s), s)
print(s, f, s & f, f | s, s - f, f ^ s, s.union(f, some(3)), s.intersection(some(30), s))

d = {}
for step in range(400):
    op = rand(10)
    key = value()
    if op < 5:
        d[key] = step
    elif op == 5:
        d.pop(key, None)
    elif op == 6 and d:
        d.popitem()
    elif op == 7:
        d.setdefault(key, [])
    elif op == 8:
        d.update({value(): step for _ in range(rand(4))})
    else:
        d = {k: v for k, v in d.items() if rand(5) != 0}
    if step % 25 == 0:
        print(step, len(d), d)
print(d)
print(set(d), set(d.items()) & set(list(d.items())[::2]), d.keys() - s, d.keys() & s, d.keys() ^ f)
