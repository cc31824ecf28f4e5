# Threads started with _thread: shared counters under a lock, arguments and
# keywords, results printed only after every thread has finished.
import _thread
import time

mutex = _thread.allocate_lock()
counter = 0
results = {}
sentinels = []


def worker(index, count, step=1, *, label="w"):
    global counter
    sentinel = _thread._set_sentinel()
    sentinel.acquire()
    with mutex:
        sentinels.append(sentinel)
    for _ in range(count):
        with mutex:
            counter += step
    with mutex:
        results[index] = (label, _thread.get_ident() != main_ident)


main_ident = _thread.get_ident()
idents = set()
for index in range(8):
    ident = _thread.start_new_thread(worker, (index, 2000), {"step": 3, "label": "t" + str(index)})
    idents.add(ident)
print("main ident not among the threads:", main_ident not in idents)


def wait_for(predicate):
    while True:
        with mutex:
            if predicate():
                return
        time.sleep(0.001)


wait_for(lambda: len(results) == 8)
for sentinel in list(sentinels):
    sentinel.acquire()  # released when the thread is really gone
print("counter:", counter)
print("results:", sorted(results.items()))
print("count after join:", _thread._count())

# A thread blocked on a lock lets others run; the lock is handed over.
gate = _thread.allocate_lock()
gate.acquire()
order = []
finished = _thread.allocate_lock()
finished.acquire()


def waiter():
    gate.acquire()
    order.append("waiter got the gate")
    finished.release()


_thread.start_new_thread(waiter, ())
time.sleep(0.02)
order.append("main releases the gate")
gate.release()
finished.acquire()
print(order)

# acquire with a timeout gives up while another thread holds the lock.
held = _thread.allocate_lock()
held.acquire()
outcome = []
done = _thread.allocate_lock()
done.acquire()


def try_with_timeout():
    outcome.append(held.acquire(timeout=0.01))
    outcome.append(held.acquire(blocking=False))
    done.release()


_thread.start_new_thread(try_with_timeout, ())
done.acquire()
print("timed out:", outcome)
held.release()

# SystemExit ends a thread silently; _thread.exit() raises it.
exited = _thread.allocate_lock()
exited.acquire()
trail = []


def leave():
    try:
        trail.append("before exit")
        _thread.exit()
    finally:
        trail.append("finally ran")
        exited.release()


_thread.start_new_thread(leave, ())
exited.acquire()
print(trail)

# An RLock is owned by one thread: another thread cannot release it.
rlock = _thread.RLock()
rlock.acquire()
rlock.acquire()
seen = []
checked = _thread.allocate_lock()
checked.acquire()


def intruder():
    seen.append(rlock._is_owned())
    seen.append(rlock.acquire(blocking=False))
    try:
        rlock.release()
    except RuntimeError as e:
        seen.append(str(e))
    checked.release()


_thread.start_new_thread(intruder, ())
checked.acquire()
print(seen)
rlock.release()
rlock.release()
