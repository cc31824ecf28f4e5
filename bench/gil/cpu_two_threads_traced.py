"""GIL row: cpu_two_threads with the GIL trace on (gil.start_trace, the
JSON made at the end), so that its time against cpu_two_threads is what
tracing costs. Under CPython, which has no `gil` module, it is the same
program untraced."""
import _thread

try:
    import gil
except ImportError:
    gil = None
if gil is not None:
    gil.start_trace()

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
trace_ok = True
if gil is not None:
    trace_ok = '"holds GIL"' in gil.stop_trace()
print("checksums:", results, "trace:", trace_ok)
