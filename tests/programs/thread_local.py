# _thread._local: each thread sees its own attributes; subclasses get their
# __init__ run again, with the original arguments, in every thread.
import _thread
import time

local = _thread._local()
local.value = "main"
print(local.value, local.__dict__)

mutex = _thread.allocate_lock()
seen = {}
done = _thread.allocate_lock()
done.acquire()
remaining = [4]


def worker(index):
    had = hasattr(local, "value")
    local.value = index
    time.sleep(0.005)
    with mutex:
        seen[index] = (had, local.value, sorted(local.__dict__))
        remaining[0] -= 1
        if remaining[0] == 0:
            done.release()


for index in range(4):
    _thread.start_new_thread(worker, (index,))
done.acquire()
print(sorted(seen.items()))
print("main still sees:", local.value)


class Counter(_thread._local):
    def __init__(self, start, *, step=1):
        self.count = start
        self.step = step

    def bump(self):
        self.count += self.step
        return self.count


counter = Counter(10, step=5)
print(counter.bump(), counter.bump())
other = []
finished = _thread.allocate_lock()
finished.acquire()


def use_counter():
    other.append(counter.count)
    other.append(counter.bump())
    finished.release()


_thread.start_new_thread(use_counter, ())
finished.acquire()
print("other thread:", other, "main:", counter.count)

try:
    _thread._local(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
print(getattr(local, "missing", "no such attribute"))
try:
    local.__dict__ = {}
except AttributeError as e:
    print(type(e).__name__, e)
del local.value
print(hasattr(local, "value"))
try:
    del local.value
except AttributeError as e:
    print(type(e).__name__)
print(type(local).__name__, type(local).__module__)
