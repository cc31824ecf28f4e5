"""GIL row: two CPU-bound threads with a 1 ms switch interval (DESIGN.md S2):
five times as many forced switches as the default; the cost of switching."""
import _thread

try:
    import sys
    sys.setswitchinterval(0.001)
except (ImportError, AttributeError):
    import gil
    gil.setswitchinterval(0.001)

N = 2_000_000
results = [0, 0]


def work(index, done):
    total = 0
    n = N
    while n > 0:
        total += n % 3
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
