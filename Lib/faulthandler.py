"""faulthandler for Garter: dump Python tracebacks on demand.

CPython's module is C code that installs handlers for fatal signals
(SIGSEGV, SIGFPE, SIGABRT, SIGBUS, SIGILL) and a watchdog thread that runs
without the GIL. Garter has neither yet: a Swift trap already prints where
the runtime failed, and a crash of the interpreter does not dump the Python
stacks. What this module does:

- `dump_traceback(file, all_threads)` writes the stacks in CPython's format
  ("Stack (most recent call first):" for the calling thread alone; with
  all_threads, "Current thread 0x..." first, then every other thread from
  `sys._current_frames()`).
- `enable`/`disable`/`is_enabled` keep the flag and the file that CPython's
  API reports, but no signal handler is installed.
- `dump_traceback_later(timeout, repeat, file, exit)` runs a watchdog
  Python thread (CPython's runs without the GIL; this one needs the GIL,
  which forced switching hands it within a switch interval) that writes
  every other thread's stack, and exits with status 1 if `exit` is true;
  `cancel_dump_traceback_later` stops it.
- `register`/`unregister` accept and validate the signal but record only
  that it was registered.

The tests of CPython that need faulthandler (test.support's
threading_helper.start_threads, regrtest's timeouts) only import it or dump
a stack when something already went wrong.
"""
import sys as _sys
import _thread

_enabled = False
_enabled_file = None
_registered = {}
_watchdog = None          # (cancel lock, thread id) of dump_traceback_later


def _file_and_fd(file):
    """CPython accepts a file object with fileno() or an int descriptor;
    None means sys.stderr."""
    if file is None:
        file = _sys.stderr
        if file is None:
            raise RuntimeError("sys.stderr is None")
    if isinstance(file, int):
        if file < 0:
            raise ValueError("file is not a valid file descriptor")
        return None, file
    fd = file.fileno()
    if not isinstance(fd, int) or fd < 0:
        raise ValueError("file is not a valid file descriptor")
    try:
        file.flush()
    except Exception:
        pass
    return file, fd


def _write(fd, text):
    import os
    data = text.encode("utf-8", "backslashreplace")
    while data:
        written = os.write(fd, data)
        data = data[written:]


def _frames_text(frame):
    lines = []
    if frame is None:
        lines.append("  <no Python frame>")
    while frame is not None:
        code = frame.f_code
        lines.append('  File "%s", line %s in %s' % (code.co_filename, frame.f_lineno, code.co_name))
        frame = frame.f_back
    return lines


def _stack_text(frame, all_threads):
    if not all_threads:
        return "\n".join(["Stack (most recent call first):"] + _frames_text(frame)) + "\n"
    # CPython walks the interpreter's threads newest first, naming the
    # caller "Current thread"; sys._current_frames() lists the main thread
    # first, then the others in the order they started.
    current = _thread.get_ident()
    frames = list(_sys._current_frames().items())
    frames.reverse()
    lines = []
    for ident, other in frames:
        if lines:
            lines.append("")
        if ident == current:
            lines += ["Current thread 0x%016x (most recent call first):" % ident] + _frames_text(frame)
        else:
            lines += ["Thread 0x%016x (most recent call first):" % ident] + _frames_text(other)
    return "\n".join(lines) + "\n"


def dump_traceback(file=None, all_threads=True):
    """Dump the traceback of the current thread, or of all threads if
    all_threads is true, into file."""
    _, fd = _file_and_fd(file)
    _write(fd, _stack_text(_sys._getframe(1), all_threads))


def enable(file=None, all_threads=True):
    """Enable the fault handler (Garter: the flag only; see the module doc)."""
    global _enabled, _enabled_file
    _file_and_fd(file)
    _enabled = True
    _enabled_file = file


def disable():
    """Disable the fault handler; return whether it was enabled."""
    global _enabled, _enabled_file
    was = _enabled
    _enabled = False
    _enabled_file = None
    return was


def is_enabled():
    """Check if the handler is enabled."""
    return _enabled


def dump_traceback_later(timeout, repeat=False, file=None, exit=False):
    """Dump the traceback after timeout seconds, or each timeout seconds
    if repeat is true; exit with status 1 afterwards if exit is true."""
    global _watchdog
    timeout = float(timeout)
    if timeout <= 0:
        raise ValueError("timeout must be greater than 0")
    _, fd = _file_and_fd(file)
    cancel_dump_traceback_later()
    cancel = _thread.allocate_lock()
    cancel.acquire()

    def watch():
        while not cancel.acquire(True, timeout):
            me = _thread.get_ident()
            lines = ["Timeout (%d:%02d:%02d)!" % (int(timeout) // 3600, int(timeout) // 60 % 60, int(timeout) % 60)]
            for ident, frame in sorted(_sys._current_frames().items()):
                if ident != me:
                    lines += ["Thread 0x%016x (most recent call first):" % ident] + _frames_text(frame)
            _write(fd, "\n".join(lines) + "\n")
            if exit:
                import os
                os._exit(1)
            if not repeat:
                return

    _watchdog = cancel
    _thread.start_new_thread(watch, ())


def cancel_dump_traceback_later():
    """Cancel the previous call to dump_traceback_later()."""
    global _watchdog
    if _watchdog is not None:
        _watchdog.release()
        _watchdog = None


def register(signum, file=None, all_threads=True, chain=False):
    """Register a handler for the signal 'signum' (Garter: recorded only)."""
    import signal
    if signum in (signal.SIGSEGV, signal.SIGFPE, signal.SIGABRT, signal.SIGBUS, signal.SIGILL):
        raise RuntimeError("signal %d cannot be registered, use enable() instead" % signum)
    if not 1 <= signum < signal.NSIG:
        raise ValueError("signal number out of range")
    _file_and_fd(file)
    _registered[signum] = (file, all_threads, chain)


def unregister(signum):
    """Unregister the handler of the signal 'signum' registered by register()."""
    return _registered.pop(signum, None) is not None
