# Lock and queue waits of the main thread are interrupted by signals (CPython's
# acquire_timed): KeyboardInterrupt from another thread's pthread_kill, and a
# handler that returns lets a timed wait run to its end.
import _thread, _signal, time
main = _thread.get_ident()
def later(d):
    time.sleep(d)
    _signal.pthread_kill(main, _signal.SIGINT)
lock = _thread.allocate_lock(); lock.acquire()
_thread.start_new_thread(later, (0.1,))
t = time.monotonic()
try:
    lock.acquire()
except KeyboardInterrupt:
    print("acquire interrupted", time.monotonic() - t < 2)
_thread.start_new_thread(later, (0.1,))
t = time.monotonic()
try:
    lock.acquire(timeout=5)
except KeyboardInterrupt:
    print("timed acquire interrupted", time.monotonic() - t < 2)
hits = []
_signal.signal(_signal.SIGUSR1, lambda n, f: hits.append(n))
def usr(d):
    time.sleep(d)
    _signal.pthread_kill(main, _signal.SIGUSR1)
_thread.start_new_thread(usr, (0.05,))
t = time.monotonic()
print(lock.acquire(timeout=0.3), hits, time.monotonic() - t >= 0.29)
import _queue
q = _queue.SimpleQueue()
_thread.start_new_thread(later, (0.1,))
try:
    q.get()
except KeyboardInterrupt:
    print("queue get interrupted")
