"""The GIL made visible: records a trace while a CPU-bound thread and a
thread that sleeps in a loop share the GIL, and writes it in the Chrome
Trace Event format. Open the file in https://ui.perfetto.dev (or
chrome://tracing) to see, per thread, when it held the GIL, waited for it,
or slept outside it. Garter only (the `gil` module).

    garter examples/gil/trace_timeline.py [OUTPUT.json]
"""
import _thread
import time

import gil

try:
    import sys
    path = sys.argv[1] if len(sys.argv) > 1 else "gil-trace.json"
except (ImportError, AttributeError):
    path = "gil-trace.json"

running = [True]
done = _thread.allocate_lock()
done.acquire()


def burn():
    n = 0
    while running[0]:
        n += 1
    done.release()


gil.reset()
gil.start_trace()
_thread.start_new_thread(burn, ())
for _ in range(50):
    time.sleep(0.0005)
running[0] = False
done.acquire()
events = gil.stop_trace(path)
stats = gil.stats()
print(f"wrote {events} GIL events to {path}")
print(f"switches: {stats['forced_switches']} forced, {stats['voluntary_switches']} voluntary;"
      f" drop requests {stats['drop_requests']} (convoy fix: {stats['priority_drop_requests']})")
print(gil.report())
