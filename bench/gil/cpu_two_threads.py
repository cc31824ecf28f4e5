"""GIL row: two CPU-bound threads share the GIL (DESIGN.md S3). Under the
GIL this takes at least as long as one thread doing all the work."""
import _thread

N = 3_000_000
results = [0, 0]


def work(index, done):
    total = 0
    n = N
    while n > 0:
        total += n & 7
        n -= 1
    results[index] = total
    done.release()


locks = []
for index in range(2):
    done = _thread.allocate_lock()
    done.acquire()
    locks.append(done)
    _thread.start_new_thread(work, (index, done))
for done in locks:
    done.acquire()
print("checksums:", results)
