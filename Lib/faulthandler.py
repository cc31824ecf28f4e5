"""faulthandler for Garter: dump Python tracebacks on demand.

CPython's module is C code that installs handlers for fatal signals
(SIGSEGV, SIGFPE, SIGABRT, SIGBUS, SIGILL) and a watchdog thread that runs
without the GIL. Garter has neither yet: a Swift trap already prints where
the runtime failed, and a crash of the interpreter does not dump the Python
stacks. What this module does:

- `dump_traceback(file, all_threads)` writes the calling thread's stack in
  CPython's format ("Stack (most recent call first):" or, with all_threads,
  "Current thread 0x... (most recent call first):"). Other threads' stacks
  are not available to Python code in Garter (no `sys._current_frames`), so
  only the calling thread is shown.
- `enable`/`disable`/`is_enabled` keep the flag and the file that CPython's
  API reports, but no signal handler is installed.
- `dump_traceback_later(timeout, repeat, file, exit)` runs a watchdog
  Python thread that dumps the stack of the thread that armed it (as it
  was when the timer fired is not knowable without `sys._current_frames`, so
  it writes a header and the note that the watchdog fired) and exits with
  status 1 if `exit` is true; `cancel_dump_traceback_later` stops it.
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


def _stack_text(frame, all_threads):
    if all_threads:
        lines = ["Current thread 0x%016x (most recent call first):" % _thread.get_ident()]
    else:
        lines = ["Stack (most recent call first):"]
    if frame is None:
        lines.append("  <no Python frame>")
    while frame is not None:
        code = frame.f_code
        lines.append('  File "%s", line %s in %s' % (code.co_filename, frame.f_lineno, code.co_name))
        frame = frame.f_back
    return "\n".join(lines) + "\n"


def dump_traceback(file=None, all_threads=True):
    """Dump the traceback of the current thread into file."""
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
    armed_by = _thread.get_ident()

    def watch():
        while not cancel.acquire(True, timeout):
            _write(fd, "Timeout (%d:%02d:%02d)!\nThread 0x%016x (most recent call first):\n"
                       "  <stack not available in Garter>\n"
                   % (int(timeout) // 3600, int(timeout) // 60 % 60, int(timeout) % 60, armed_by))
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
