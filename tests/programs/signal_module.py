# signal.py (CPython's Lib) over _signal: the Signals/Handlers enums, handlers,
# valid_signals and masks as enum members.
import signal
print(signal.getsignal(signal.SIGINT), signal.Signals.SIGUSR1, signal.SIGINT)
signal.signal(signal.SIGUSR1, lambda n, f: print("handler", signal.Signals(n).name))
signal.raise_signal(signal.SIGUSR1)
print(signal.getsignal(signal.SIGUSR1).__name__, signal.getsignal(signal.SIGUSR2))
print(sorted(signal.valid_signals())[:3], signal.strsignal(signal.SIGTERM))
print(signal.pthread_sigmask(signal.SIG_BLOCK, []))
