# _signal: Python handlers run by the main thread (raise_signal, timers,
# pthread_kill from another thread), SIG_IGN/SIG_DFL, KeyboardInterrupt,
# sleeps and pauses interrupted by signals, masks, the wakeup fd.
import _signal as signal
import _socket
import _thread
import time


def attempt(label, function, *arguments):
    try:
        print(label, repr(function(*arguments)))
    except BaseException as error:
        print(label, type(error).__name__, error)


print(signal.NSIG, signal.SIG_DFL, signal.SIG_IGN, signal.SIG_BLOCK, signal.SIG_UNBLOCK, signal.SIG_SETMASK)
print(signal.SIGINT, signal.SIGUSR1, signal.SIGALRM, signal.ITIMER_REAL)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.getsignal(signal.SIGUSR1), signal.getsignal(signal.SIGPIPE))

calls = []


def handler(number, frame):
    calls.append((number, type(frame).__name__, frame.f_code.co_name))


def caller():
    signal.raise_signal(signal.SIGUSR1)
    calls.append("after raise")


print(signal.signal(signal.SIGUSR1, handler))
print(signal.getsignal(signal.SIGUSR1) is handler)
caller()
print(calls)


def failing(number, frame):
    raise RuntimeError("from handler %d" % number)


signal.signal(signal.SIGUSR2, failing)
try:
    signal.raise_signal(signal.SIGUSR2)
    print("not reached")
except RuntimeError as error:
    print("raised", error)

print(signal.signal(signal.SIGUSR2, signal.SIG_IGN) is failing)
signal.raise_signal(signal.SIGUSR2)
print("ignored", signal.getsignal(signal.SIGUSR2))
print(signal.signal(signal.SIGUSR2, signal.SIG_DFL))
attempt("bool handler", signal.signal, signal.SIGUSR2, True)

try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt as error:
    print("KeyboardInterrupt", repr(error))
attempt("default_int_handler", signal.default_int_handler, 2, None)

attempt("range 0", signal.signal, 0, handler)
attempt("range NSIG", signal.signal, signal.NSIG, handler)
attempt("getsignal range", signal.getsignal, -1)
attempt("bad handler", signal.signal, signal.SIGUSR1, 5)
attempt("bad handler str", signal.signal, signal.SIGUSR1, "x")
attempt("SIGKILL", signal.signal, signal.SIGKILL, handler)
attempt("raise 0", signal.raise_signal, 0)
attempt("raise range", signal.raise_signal, 1000)
attempt("strsignal", signal.strsignal, signal.SIGINT)
attempt("strsignal range", signal.strsignal, 1000)

thread_result = []
done = _thread.allocate_lock()
done.acquire()


def from_thread():
    try:
        signal.signal(signal.SIGUSR1, handler)
    except ValueError as error:
        thread_result.append(str(error))
    done.release()


_thread.start_new_thread(from_thread, ())
done.acquire()
print(thread_result)

# A timer's signal wakes pause(); the handler runs before pause returns.
alarms = []
signal.signal(signal.SIGALRM, lambda number, frame: alarms.append(number))
print(signal.setitimer(signal.ITIMER_REAL, 0.05))
signal.pause()
print("pause returned", alarms)
print(signal.getitimer(signal.ITIMER_REAL))
print(signal.alarm(0))

# A handler that returns lets sleep() finish its time; one that raises ends it.
start = time.monotonic()
signal.setitimer(signal.ITIMER_REAL, 0.02)
time.sleep(0.2)
print("slept whole", time.monotonic() - start >= 0.19, alarms)


def raising(number, frame):
    raise OSError("alarm rang")


signal.signal(signal.SIGALRM, raising)
start = time.monotonic()
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    time.sleep(10)
except OSError as error:
    print("sleep interrupted", error, time.monotonic() - start < 5)

# A blocking recv interrupted by a handler that raises.
a, b = _socket.socketpair()
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    a.recv(10)
except OSError as error:
    print("recv interrupted", error)
# ... and one retried after a handler that returns (PEP 475).
signal.signal(signal.SIGALRM, lambda number, frame: b.send(b"late"))
signal.setitimer(signal.ITIMER_REAL, 0.05)
print("recv retried", a.recv(10))

# Ctrl-C from another thread while the main thread loops, then sleeps.
main = _thread.get_ident()


def interrupt_later(delay):
    time.sleep(delay)
    signal.pthread_kill(main, signal.SIGINT)


_thread.start_new_thread(interrupt_later, (0.05,))
try:
    while True:
        pass
except KeyboardInterrupt:
    print("loop interrupted")
_thread.start_new_thread(interrupt_later, (0.05,))
start = time.monotonic()
try:
    time.sleep(10)
except KeyboardInterrupt:
    print("sleep interrupted by Ctrl-C", time.monotonic() - start < 5)

# Blocked signals stay pending until unblocked.
calls.clear()
old = signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
print("old mask", sorted(old))
signal.raise_signal(signal.SIGUSR1)
print("while blocked", calls, signal.SIGUSR1 in signal.sigpending())
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGUSR1})
print("after unblock", [c[0] for c in calls])
attempt("mask range", signal.pthread_sigmask, signal.SIG_BLOCK, [0])

valid = signal.valid_signals()
print(type(valid).__name__, len(valid), 1 in valid, 32 in valid, signal.SIGRTMAX in valid)

# The wakeup fd gets each signal's number.
reader, writer = _socket.socketpair()
writer.setblocking(False)
print(signal.set_wakeup_fd(writer.fileno()))
signal.raise_signal(signal.SIGUSR1)
print("wakeup byte", reader.recv(1) == bytes([signal.SIGUSR1]))
print(signal.set_wakeup_fd(-1) == writer.fileno())
blocking_reader, blocking_writer = _socket.socketpair()
try:
    signal.set_wakeup_fd(blocking_writer.fileno())
except ValueError as error:
    print("blocking wakeup fd", str(error).replace(str(blocking_writer.fileno()), "N"))
print(signal.siginterrupt(signal.SIGUSR1, False), signal.siginterrupt(signal.SIGUSR1, True))
attempt("setitimer", signal.setitimer, 12345, 1.0)
print(issubclass(signal.ItimerError, OSError))
