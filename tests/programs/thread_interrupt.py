# _thread.interrupt_main: KeyboardInterrupt in the main thread, raised at
# once when the main thread calls it, and soon after when another thread does.
import _thread
import time

try:
    _thread.interrupt_main()
    print("not reached")
except KeyboardInterrupt as e:
    print("caught at the call:", type(e).__name__, e.args)

_thread.interrupt_main(15)  # no Python handler for SIGTERM: nothing happens
print("SIGTERM ignored")


def interrupter():
    time.sleep(0.01)
    _thread.interrupt_main()


_thread.start_new_thread(interrupter, ())
spins = 0
try:
    while True:
        spins += 1
        time.sleep(0.001)
except KeyboardInterrupt:
    print("main thread interrupted by another thread:", spins > 0)


# An exception raised in a thread does not stop the program (it is printed
# on stderr); the lock below is released in a finally block.
done = _thread.allocate_lock()
done.acquire()


def fails():
    try:
        raise ValueError("boom in thread")
    finally:
        done.release()


_thread.start_new_thread(fails, ())
done.acquire()
time.sleep(0.01)
print("main thread goes on")
