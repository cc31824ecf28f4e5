"""Small helpers shared by the GIL demonstrations (S1-S5 of DESIGN.md).

They use `_thread` directly, so the same scripts run under Garter today and
under CPython 3.11 for comparison. Under Garter the `gil` module adds the
GIL's own statistics; under CPython it does not exist.
"""
import _thread
import time

try:
    import gil
except ImportError:
    gil = None

try:
    import sys
    getswitchinterval = sys.getswitchinterval
    setswitchinterval = sys.setswitchinterval
except (ImportError, AttributeError):
    getswitchinterval = gil.getswitchinterval
    setswitchinterval = gil.setswitchinterval

INTERPRETER = "Garter" if gil is not None else "CPython"


def trace_file(part):
    """Where to write the GIL trace of one part of a demonstration: the
    script's first argument, if given, is a prefix (`PREFIX-part.json`).
    None under CPython or without an argument (no trace)."""
    try:
        import sys
        prefix = sys.argv[1] if len(sys.argv) > 1 else None
    except (ImportError, AttributeError):
        prefix = None
    if gil is None or prefix is None:
        return None
    return f"{prefix}-{part}.json"


def run_threads(target, count, *args):
    """Runs target(index, *args) on `count` new threads and waits for all;
    returns the wall time in seconds."""
    finished = []
    start = time.perf_counter()
    for index in range(count):
        lock = _thread.allocate_lock()
        lock.acquire()
        finished.append(lock)
        _thread.start_new_thread(_body, (target, index, args, lock))
    for lock in finished:
        lock.acquire()
    return time.perf_counter() - start


def _body(target, index, args, lock):
    try:
        target(index, *args)
    finally:
        lock.release()


def milliseconds(seconds):
    return f"{seconds * 1000:.1f} ms"
