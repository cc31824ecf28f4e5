"""GIL row: sixteen threads sleep 0.25 s at once (DESIGN.md S4): sleeping
releases the GIL, so the run takes about 0.25 s plus start-up."""
import _thread
import time

THREADS = 16
finished = []


def nap(index, done):
    time.sleep(0.25)
    finished.append(index)
    done.release()


locks = []
for index in range(THREADS):
    done = _thread.allocate_lock()
    done.acquire()
    locks.append(done)
    _thread.start_new_thread(nap, (index, done))
for done in locks:
    done.acquire()
print(len(finished), "threads slept; indexes", sorted(finished) == list(range(THREADS)))
