# gc.collect() return values in simple deterministic cases, and the module's
# settings (thresholds, enable/disable, debug flags, errors).
import gc

gc.disable()
gc.collect()
print(gc.isenabled())

l = []
l.append(l)
del l
print("self list", gc.collect())

a = []
b = [a]
a.append(b)
del a, b
print("two lists", gc.collect())

d = {}
d["self"] = d
del d
print("self dict", gc.collect())

t = ([],)
t[0].append(t)
del t
print("tuple and list", gc.collect())


class Node:
    pass


n = Node()
n.me = n
del n
print("instance", gc.collect())

x = Node()
y = Node()
x.other = y
y.other = x
del x, y
print("two instances", gc.collect())

print("nothing", gc.collect())
print("generation 0", gc.collect(0), "generation 1", gc.collect(1))

for bad in (-1, 3):
    try:
        gc.collect(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    gc.collect("2")
except TypeError as e:
    print(type(e).__name__, e)

old = gc.get_threshold()
print(old)
gc.set_threshold(100, 5)
print(gc.get_threshold())
gc.set_threshold(*old)
print(gc.get_threshold())
try:
    gc.set_threshold()
except TypeError as e:
    print(type(e).__name__, e)

gc.enable()
print(gc.isenabled())
gc.disable()
print(gc.isenabled())

print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print(gc.get_debug())
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug())
gc.set_debug(0)

print(len(gc.get_objects(-1)) > 0)
for bad in (3, -2):
    try:
        gc.get_objects(bad)
    except ValueError as e:
        print(type(e).__name__, e)

stats = gc.get_stats()
print(len(stats), [sorted(s) for s in stats])
print(type(gc.get_count()).__name__, len(gc.get_count()))
