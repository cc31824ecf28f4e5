"""S3: CPU-bound threads gain nothing from extra cores under the GIL.

The same work (counting to 2N) is done by one thread, then split between two
threads (N each). Under the GIL two threads take no less time than one, and
usually a little more (the switches cost).
"""
from gil_helpers import INTERPRETER, gil, milliseconds, run_threads

TOTAL = 4_000_000


def count(index, n):
    while n > 0:
        n -= 1


# Best of five each, alternating, so that the machine's other load
# disturbs both alike.
one = two = float("inf")
for _ in range(5):
    one = min(one, run_threads(count, 1, TOTAL))
    two = min(two, run_threads(count, 2, TOTAL // 2))
print(f"S3 under {INTERPRETER}: counting down from {TOTAL:,} in all (best of 5)")
print(f"  one thread:  {milliseconds(one)}")
print(f"  two threads: {milliseconds(two)} (each half the work)")
print(f"  two/one = {two / one:.2f} (a free-threaded run on 2 cores would be near 0.5)")
if gil is not None:
    gil.reset()
    run_threads(count, 2, TOTAL // 2)
    stats = gil.stats()
    print(f"  GIL switches {stats['forced_switches'] + stats['voluntary_switches']:,}, forced {stats['forced_switches']:,}")
