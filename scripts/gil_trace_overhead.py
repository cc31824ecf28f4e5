#!/usr/bin/env python3
"""What the GIL trace costs: runs each GIL bench row and its `_traced` twin
(bench/gil/NAME.py, bench/gil/NAME_traced.py) under Garter, alternating,
three times, and prints the best wall and CPU (user + system) times.

    python3 scripts/gil_trace_overhead.py .build/debug/garter io_beside_cpu cpu_two_threads
"""
import resource
import subprocess
import sys
import time

garter = sys.argv[1]
rows = sys.argv[2:]
best = {}
for rep in range(3):
    for row in rows:
        for traced in (False, True):
            path = f"bench/gil/{row}{'_traced' if traced else ''}.py"
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            out = subprocess.run([garter, path], capture_output=True, text=True)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            assert out.returncode == 0, out.stderr
            key = (row, traced)
            w, c = best.get(key, (1e9, 1e9))
            best[key] = (min(w, wall), min(c, cpu))
            print(rep, row, traced, f"wall {wall:.3f} cpu {cpu:.3f}", out.stdout.strip(), flush=True)
for row in rows:
    (w0, c0), (w1, c1) = best[(row, False)], best[(row, True)]
    print(f"{row}: best wall {w0:.3f} -> {w1:.3f} ({w1 / w0:.3f}x), best cpu {c0:.3f} -> {c1:.3f} ({c1 / c0:.3f}x)")
