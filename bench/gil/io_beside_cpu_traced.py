"""GIL row: io_beside_cpu (the convoy scenario: 400 sleeps of 0.2 ms beside
a CPU-bound thread) with the GIL trace on, so that its time against
io_beside_cpu is what tracing costs where the GIL changes hands most.
Under CPython, which has no `gil` module, it is the same program untraced."""
import _thread
import time

try:
    import gil
except ImportError:
    gil = None
if gil is not None:
    gil.start_trace()

ROUNDS = 400
running = [True]
spins = [0]


def burn(done):
    n = 0
    while running[0]:
        n += 1
    spins[0] = n
    done.release()


done = _thread.allocate_lock()
done.acquire()
_thread.start_new_thread(burn, (done,))
rounds = 0
for _ in range(ROUNDS):
    time.sleep(0.0002)
    rounds += 1
running[0] = False
done.acquire()
trace_ok = True
if gil is not None:
    trace_ok = '"blocking: sleep"' in gil.stop_trace()
print("rounds:", rounds, "cpu thread ran:", spins[0] > 0, "trace:", trace_ok)
