"""The convoy effect (bpo-7946) and Garter's fix: an I/O thread beside a
CPU-bound thread.

The main thread sleeps 0.2 ms, 200 times, while another thread computes.
Each sleep releases the GIL and the CPU-bound thread takes it. Without a
fix, the sleeper, back from its sleep, waits a whole switch interval (5 ms)
before it even asks for the GIL back, so each 0.2 ms sleep costs about
5 ms: CPython 3.11 behaves so, and so does Garter with the fix off. With
Garter's convoy fix (docs/gil.md), a thread back from a blocking call asks
for the GIL at once, and the round trip is the sleep's own.

    garter examples/gil/convoy_effect.py                  # fix on (default)
    garter -X convoyfix=0 examples/gil/convoy_effect.py   # fix off
    python3 examples/gil/convoy_effect.py                 # CPython 3.11

With an argument PREFIX, Garter writes the GIL trace of the sleeps beside
the CPU-bound thread to PREFIX-beside.json (`garter --gil-report` draws it).
"""
import _thread
import time

from gil_helpers import INTERPRETER, gil, trace_file

ROUNDS = 200
PAUSE = 0.0002
running = [True]
done = _thread.allocate_lock()
done.acquire()


def burn():
    n = 0
    while running[0]:
        n += 1
    done.release()


def round_trips():
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        time.sleep(PAUSE)
        times.append(time.perf_counter() - start)
    return sorted(times)


alone = round_trips()
_thread.start_new_thread(burn, ())
time.sleep(0.01)  # let the CPU-bound thread start computing
trace = trace_file("beside")
if trace:
    gil.start_trace()
beside = round_trips()
if trace:
    gil.stop_trace(trace)
running[0] = False
done.acquire()

fix = ""
if gil is not None:
    fix = ", convoy fix " + ("on" if gil.get_convoy_fix() else "off")
print(f"Convoy effect under {INTERPRETER}{fix}: {ROUNDS} sleeps of {PAUSE * 1000:.1f} ms")
for name, times in (("alone", alone), ("beside a CPU-bound thread", beside)):
    median = times[len(times) // 2]
    mean = sum(times) / len(times)
    print(f"  {name:26} round trip median {median * 1000:6.2f} ms, mean {mean * 1000:6.2f} ms,"
          f" total {sum(times) * 1000:7.1f} ms")
