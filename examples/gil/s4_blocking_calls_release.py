"""S4: blocking calls release the GIL, so I/O-bound threads overlap.

Sixteen threads each sleep 0.25 s. Because `time.sleep` releases the GIL,
they all sleep at once and the whole run takes about 0.25 s, not 4 s. Lock
waits release it too: a thread blocked on a lock does not stop the others.
"""
import _thread

from gil_helpers import INTERPRETER, gil, milliseconds, run_threads
import time

THREADS = 16
PAUSE = 0.25


def nap(index):
    time.sleep(PAUSE)


if gil is not None:
    gil.reset()
wall = run_threads(nap, THREADS)
print(f"S4 under {INTERPRETER}: {THREADS} threads each sleep {PAUSE} s")
print(f"  all done in {milliseconds(wall)} (serialised they would take {THREADS * PAUSE:.2f} s)")
if gil is not None:
    stats = gil.stats()
    count, ns = stats["blocking"]["sleep"]
    print(f"  GIL: {count} sleep regions, {ns / 1e9:.2f} s asleep in all, outside the GIL")

# A thread waiting for a lock releases the GIL: the main thread keeps counting.
gate = _thread.allocate_lock()
gate.acquire()
released = _thread.allocate_lock()
released.acquire()


def wait_at_gate():
    gate.acquire()
    released.release()


if gil is not None:
    gil.reset()
_thread.start_new_thread(wait_at_gate, ())
start = time.perf_counter()
n = 0
while time.perf_counter() - start < 0.1:
    n += 1
gate.release()
released.acquire()
print(f"  main thread counted to {n:,} in 0.1 s while another thread waited on a lock")
if gil is not None:
    count, ns = gil.stats()["blocking"]["lock wait"]
    print(f"  GIL: {count} lock-wait regions, {ns / 1e6:.1f} ms in all")
