# Weak references to instances of native classes that support them in CPython.
import collections
import functools
import gc
import re
import weakref

makers = [lambda: re.compile('a+'), lambda: functools.partial(print, 1), lambda: functools.lru_cache(print),
          collections.deque]
for make in makers:
    obj = make()
    ref = weakref.ref(obj)
    name = type(obj).__name__
    print(name, ref() is obj)
    del obj
    gc.collect()
    print(name, ref())

for value in (1, 'text', (1, 2), [1], {}):
    try:
        weakref.ref(value)
    except TypeError as e:
        print(type(e).__name__, e)
