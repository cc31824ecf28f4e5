# _thread._excepthook and _thread._ExceptHookArgs (what threading.excepthook
# uses); the hook writes to stderr, so only its results are printed here.
import _thread

args = _thread._ExceptHookArgs((ValueError, ValueError("x"), None, None))
print(args)
print(args.exc_type, args.exc_value, args.exc_traceback, args.thread, len(args))
print(type(args).__name__, type(args).__module__, isinstance(args, tuple))
try:
    _thread._ExceptHookArgs((1, 2))
except TypeError as e:
    print(type(e).__name__, e)
try:
    _thread._excepthook((1, 2, 3, 4))
except TypeError as e:
    print(type(e).__name__, e)
print(_thread._excepthook(_thread._ExceptHookArgs((SystemExit, SystemExit(3), None, None))))


class FakeThread:
    name = "worker-1"


try:
    raise KeyError("k")
except KeyError as error:
    hook_args = _thread._ExceptHookArgs((KeyError, error, error.__traceback__, FakeThread()))
print(_thread._excepthook(hook_args))
print("done")
