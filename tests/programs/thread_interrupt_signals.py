# _thread.interrupt_main(signum) simulates a signal: the Python handler runs
# in the main thread; SIG_IGN and SIG_DFL make it do nothing; bad numbers
# raise ValueError. Also function.__code__ assignment (types.coroutine needs
# it, so unittest.mock and asyncio import) and weak references to locks.
import _thread
import signal
import threading
import time
import weakref

seen = []


def handler(signum, frame):
    seen.append(signal.Signals(signum).name)
    if len(seen) == 1:
        1 / 0


old = signal.signal(signal.SIGTERM, handler)
try:
    _thread.interrupt_main(signal.SIGTERM)
except ZeroDivisionError as error:
    print("main thread, handler raised:", type(error).__name__, error)
_thread.interrupt_main(signal.SIGTERM)
print("second time:", seen)

for disposition in (signal.SIG_IGN, signal.SIG_DFL):
    signal.signal(signal.SIGTERM, disposition)
    _thread.interrupt_main(signal.SIGTERM)
    print("with", disposition, "nothing happens")
signal.signal(signal.SIGTERM, old)

for bad in (-1, 0, signal.NSIG, 1000000):
    try:
        _thread.interrupt_main(bad)
    except ValueError as error:
        print(bad if bad != signal.NSIG else "NSIG", type(error).__name__, error)

# From another thread: the main thread gets KeyboardInterrupt while it
# sleeps. The other thread interrupts only once the main thread is in its
# loop (a gate lock), so the exception cannot land inside threading's own
# bookkeeping.
gate = _thread.allocate_lock()
gate.acquire()


def interrupter():
    gate.acquire()
    _thread.interrupt_main()


_thread.start_new_thread(interrupter, ())
try:
    gate.release()
    for _ in range(5000):
        time.sleep(0.001)
    print("no interrupt?")
except KeyboardInterrupt:
    print("KeyboardInterrupt from another thread")

# CPython's test_interrupt_main_subthread: the interrupt lands while the
# main thread waits in Thread.start() or join(); it must come out as
# KeyboardInterrupt, never as threading's "release unlocked lock".
for attempt in range(5):
    t = threading.Thread(target=_thread.interrupt_main)
    try:
        t.start()
        t.join()
        print("no interrupt?")
    except KeyboardInterrupt:
        pass
    t.join()
print("KeyboardInterrupt in start/join, 5 times")

signal.signal(signal.SIGINT, handler)
seen.clear()
try:
    _thread.interrupt_main()
except ZeroDivisionError:
    print("SIGINT with a Python handler:", seen)
signal.signal(signal.SIGINT, signal.default_int_handler)


def f():
    return "f"


def g():
    return "g"


f.__code__ = g.__code__
print("after __code__ =:", f(), f.__name__)
for bad in (None, 1):
    try:
        f.__code__ = bad
    except TypeError as error:
        print(type(error).__name__, error)


def outer():
    x = 1

    def inner():
        return x
    return inner


try:
    f.__code__ = outer().__code__
except ValueError as error:
    print(type(error).__name__, error)
try:
    del f.__code__
except TypeError as error:
    print(type(error).__name__, error)
import types


@types.coroutine
def gen_coroutine():
    yield 1


print("types.coroutine:", list(gen_coroutine()))

for factory in (_thread.allocate_lock, _thread.RLock, threading.Lock, threading.RLock):
    made = factory()
    ref = weakref.ref(made)
    print(type(made).__name__, ref() is made, end="; ")
    del made
    print("after del:", ref())
