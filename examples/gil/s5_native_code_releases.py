"""S5: native functions release the GIL around heavy work on large inputs
(hashlib digests of 2048 bytes or more, zlib), so they run in parallel.

PLACEHOLDER: Garter has no `hashlib` or `zlib` yet. When it does, this script
will hash 64 MiB on one thread, then 32 MiB on each of two threads, and show
the second taking about half the time on two cores, with the GIL statistics
counting `native compute` blocking regions. Under CPython it runs now.
"""
from gil_helpers import INTERPRETER, milliseconds, run_threads

try:
    import hashlib
except ImportError:
    hashlib = None

if hashlib is None:
    print(f"S5 under {INTERPRETER}: not yet (no hashlib module); see the docstring")
else:
    block = bytes(1 << 20)
    TOTAL_BLOCKS = 64

    def digest(index, blocks):
        h = hashlib.sha256()
        for _ in range(blocks):
            h.update(block)
        h.hexdigest()

    one = run_threads(digest, 1, TOTAL_BLOCKS)
    two = run_threads(digest, 2, TOTAL_BLOCKS // 2)
    print(f"S5 under {INTERPRETER}: SHA-256 of {TOTAL_BLOCKS} MiB")
    print(f"  one thread {milliseconds(one)}, two threads {milliseconds(two)}, two/one = {two / one:.2f}")
