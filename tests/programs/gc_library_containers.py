# Cycles through the containers of native modules (deque, partial, defaultdict, SimpleNamespace) and weakref.ref from Lib.
import gc, collections, functools
gc.collect()
d=collections.deque(); d.append(d); del d
print(gc.collect())
p=functools.partial(print); p.x=p; del p
print(gc.collect())
dd=collections.defaultdict(list); dd[1]=dd; del dd
print(gc.collect())
import types
ns=types.SimpleNamespace(); ns.x=ns; del ns
print(gc.collect())
import weakref
class A:
    pass
a = A()
a.a = a
r = weakref.ref(a, lambda ref: print("callback", ref() is None))
del a
print(gc.collect())
