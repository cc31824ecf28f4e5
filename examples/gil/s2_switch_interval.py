"""S2: a running thread is asked to drop the GIL after the switch interval,
and the thread that asked gets it (forced switching), so no thread starves.

Two CPU-bound threads run for a fixed time, first with the default switch
interval (5 ms), then with 1 ms. Each thread counts the times it finds that
the other one ran since its own last step: those are the switches. With a
1 ms interval there are about five times as many.

    garter examples/gil/s2_switch_interval.py [TRACE_PREFIX]

With TRACE_PREFIX, Garter writes the GIL trace of each run to
TRACE_PREFIX-5ms.json and TRACE_PREFIX-1ms.json (`garter --gil-report` draws them).
"""
import time

from gil_helpers import INTERPRETER, getswitchinterval, gil, run_threads, setswitchinterval, trace_file

DURATION = 1.0
state = {"last": -1, "switches": 0, "loops": [0, 0]}


def compete(index, deadline):
    last = state
    switches = 0
    loops = 0
    while True:
        loops += 1
        if last["last"] != index:
            last["last"] = index
            switches += 1
            if time.perf_counter() > deadline:
                break
        elif loops % 1000 == 0 and time.perf_counter() > deadline:
            break
    state["switches"] += switches
    state["loops"][index] = loops


def measure(interval):
    setswitchinterval(interval)
    state["last"] = -1
    state["switches"] = 0
    if gil is not None:
        gil.reset()
    trace = trace_file(f"{interval * 1000:.0f}ms")
    if trace:
        gil.start_trace()
    wall = run_threads(compete, 2, time.perf_counter() + DURATION)
    if trace:
        gil.stop_trace(trace)
    forced = gil.stats()["forced_switches"] if gil is not None else None
    return state["switches"] / wall, forced, list(state["loops"]), wall


default = getswitchinterval()
print(f"S2 under {INTERPRETER}: two CPU-bound threads for {DURATION} s each time")
results = []
for interval in (default, 0.001):
    rate, forced, loops, wall = measure(interval)
    results.append(rate)
    line = f"  switch interval {interval * 1000:.1f} ms: {rate:.0f} switches/s"
    if forced is not None:
        line += f" (GIL forced switches: {forced / wall:.0f}/s)"
    line += f"; loops per thread {loops[0]:,} / {loops[1]:,} (neither starves)"
    print(line)
setswitchinterval(default)
print(f"  1 ms gives {results[1] / results[0]:.1f}x the switches of {default * 1000:.0f} ms (ideal 5x)")
