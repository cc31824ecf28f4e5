# A _thread._local (and a subclass) whose per-thread dict holds an object
# that holds the local: the cycle collector finds and frees it; attributes
# set by other threads are collected too.
import gc
import threading
import weakref
import _thread


class X:
    pass


class LocalSubclass(threading.local):
    def __init__(self, tag="t"):
        self.tag = tag


for make in (_thread._local, threading.local, LocalSubclass):
    x = X()
    x.local = make()
    x.local.x = x
    wr = weakref.ref(x)
    local_ref = weakref.ref(x.local)
    del x
    gc.collect()
    print(make.__name__, "object freed:", wr() is None, "local freed:", local_ref() is None)

# Per-thread dicts of a local that other threads used, in a cycle.
x = X()
x.local = LocalSubclass("main")
barrier = threading.Barrier(3)


def use():
    x.local.x = x
    x.local.mine = threading.current_thread().name
    barrier.wait()
    barrier.wait()


threads = [threading.Thread(target=use, name=f"T{i}") for i in range(2)]
for t in threads:
    t.start()
barrier.wait()
print("tags seen from main:", x.local.tag, hasattr(x.local, "mine"))
barrier.wait()
for t in threads:
    t.join()
wr = weakref.ref(x)
del x
gc.collect()
print("after threads ended, freed:", wr() is None)
