"""S5: native functions release the GIL around heavy work on large inputs
(hashlib digests of 2048 bytes or more, zlib compress/decompress), so they
run in parallel on several cores.

The same work is done twice: by one thread, then split between two threads.
SHA-256 of a 32 MiB buffer 8 times (two threads: 4 times each), and zlib
compression of 2 MiB of text-like data 4 times (two threads: twice each).
On two free cores the second run takes about half the time of the first:
the speed-up is printed (each figure is the best of five runs, alternating
one and two threads, because other programs on the machine slow some runs
down). Under Garter the GIL's statistics count the `native compute`
regions the threads ran in.

    garter examples/gil/s5_native_code_releases.py [TRACE_PREFIX]

With TRACE_PREFIX, Garter writes the GIL trace of the first try of each
part (one thread, then two) to TRACE_PREFIX-sha256.json and
TRACE_PREFIX-zlib.json (`garter --gil-report` draws them).
"""
from gil_helpers import INTERPRETER, gil, milliseconds, run_threads, trace_file

try:
    import hashlib
    sha256, shake_256 = hashlib.sha256, hashlib.shake_256
except Exception:
    # hashlib.py itself needs more of the standard library than the
    # native module it wraps; the module gives the same functions.
    import _hashlib
    sha256, shake_256 = _hashlib.openssl_sha256, _hashlib.openssl_shake_256
import zlib

MIB = 1 << 20
HASH_BUFFER = bytes(32 * MIB)
HASH_ROUNDS = 8
# Pseudo-random bytes mapped onto 16 letters: compressible, but not trivially.
LETTERS = bytes(b"etaoinshrdlucmfw"[i % 16] for i in range(256))
TEXT = shake_256(b"garter").digest(2 * MIB).translate(LETTERS)
ZLIB_ROUNDS = 4
TRIES = 5


def hash_rounds(index, rounds):
    for _ in range(rounds):
        sha256(HASH_BUFFER).digest()


def compress_rounds(index, rounds):
    for _ in range(rounds):
        zlib.compress(TEXT, 6)


def best_times(target, rounds, part):
    """The best wall time of one thread doing all rounds and of two threads
    doing half each, the two alternating so that both see the same load.
    The first try is traced if a trace prefix was given."""
    one, two = [], []
    for attempt in range(TRIES):
        trace = trace_file(part) if attempt == 0 else None
        if trace:
            gil.start_trace()
        one.append(run_threads(target, 1, rounds))
        two.append(run_threads(target, 2, rounds // 2))
        if trace:
            gil.stop_trace(trace)
    return min(one), min(two)


def native_regions():
    if gil is None:
        return None
    return gil.stats()["blocking"]["native compute"]


def show(title, target, rounds, part):
    if gil is not None:
        gil.reset()
    one, two = best_times(target, rounds, part)
    print(f"  {title}: one thread {milliseconds(one)}, two threads {milliseconds(two)},"
          f" speed-up {one / two:.2f}x")
    regions = native_regions()
    if regions is not None:
        count, ns = regions
        print(f"    GIL: {count} native-compute regions, {ns / 1e9:.2f} s of work outside the GIL")


print(f"S5 under {INTERPRETER}: the same work on one thread, then split over two")
show(f"SHA-256 of 32 MiB x {HASH_ROUNDS}", hash_rounds, HASH_ROUNDS, "sha256")
show(f"zlib.compress of 2 MiB x {ZLIB_ROUNDS}", compress_rounds, ZLIB_ROUNDS, "zlib")
