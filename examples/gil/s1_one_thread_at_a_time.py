"""S1: only one thread runs bytecode at a time while the GIL is on.

Four CPU-bound threads run together. Under the GIL their CPU time adds up to
no more than the wall time (one core's worth, though the machine may have
more), and Garter's GIL statistics show every acquisition: the holds of all
threads together never exceed the elapsed time.
"""
import time

from gil_helpers import INTERPRETER, gil, milliseconds, run_threads

THREADS = 4
LOOPS = 1_500_000
counts = [0] * THREADS


def spin(index):
    n = 0
    while n < LOOPS:
        n += 1
    counts[index] = n


if gil is not None:
    gil.reset()
cpu_start = time.process_time()
wall = run_threads(spin, THREADS)
cpu = time.process_time() - cpu_start
print(f"S1 under {INTERPRETER}: {THREADS} CPU-bound threads, {LOOPS:,} loops each")
print(f"  wall {milliseconds(wall)}, CPU {milliseconds(cpu)}, CPU/wall {cpu / wall:.2f} (at most 1.00 under the GIL: one core at a time)")
if gil is not None:
    stats = gil.stats()
    workers = [t for t in stats["threads"] if t["name"] != "MainThread"]
    held = sum(t["hold_ns"] for t in stats["threads"])
    print(f"  GIL acquisitions {stats['acquisitions']:,}, switches {stats['forced_switches'] + stats['voluntary_switches']:,}"
          f" (forced {stats['forced_switches']:,})")
    print(f"  holds of all threads together: {held / 1e6:.1f} ms of {stats['elapsed_ns'] / 1e6:.1f} ms elapsed"
          f" = {held / stats['elapsed_ns']:.2f} (never above 1.00: one holder at a time)")
    for t in workers:
        print(f"    thread #{t['number']}: held {t['hold_ns'] / 1e6:.1f} ms in {t['acquisitions']} turns,"
              f" waited {t['wait_ns'] / 1e6:.1f} ms")
print("  every thread finished its loops:", counts == [LOOPS] * THREADS)
