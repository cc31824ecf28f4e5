# sys.unraisablehook receives the exceptions that threads started by
# _thread do not catch (UnraisableHookArgs); a hook that fails is reported
# by sys.__unraisablehook__. The default hook's text goes to stderr, which
# the test does not compare; stdout shows what the hooks saw.
import sys
import _thread
import threading

print(sys.unraisablehook is sys.__unraisablehook__, sys.unraisablehook.__name__)
got = []
sys.unraisablehook = got.append
done = threading.Event()


def task():
    try:
        raise ValueError("task failed")
    finally:
        done.set()


def run_task():
    done.clear()
    _thread.start_new_thread(task, ())
    done.wait()
    # The report comes after `finally`; wait until the thread is gone.
    while _thread._count() > 0:
        pass


run_task()
u = got[0]
print(type(u).__name__, u.exc_type.__name__, u.exc_value, u.exc_traceback is not None,
      u.err_msg, u.object is task, len(u))
print(u.exc_traceback.tb_frame.f_code.co_name)


def failing_hook(unraisable):
    raise ZeroDivisionError("hook failed")


sys.unraisablehook = failing_hook
run_task()
sys.unraisablehook = sys.__unraisablehook__
run_task()
try:
    sys.__unraisablehook__(1)
except TypeError as error:
    print(type(error).__name__, error)
try:
    sys.__unraisablehook__()
except TypeError as error:
    print(type(error).__name__, error)
print("end")
