# posix.read, posix.write and posix.waitpid release the GIL: another thread
# runs while one waits (a read that held the GIL would never see the write).
import _thread
import posix
import time

r, w = posix.pipe()
done = _thread.allocate_lock()
done.acquire()
results = []


def reader():
    results.append(posix.read(r, 100))
    done.release()


_thread.start_new_thread(reader, ())
time.sleep(0.05)
results.append("main thread ran while the reader waited")
posix.write(w, b"late data")
done.acquire()
print(results)

# waitpid in a thread while the main thread keeps running Python code
pid = posix.fork()
if pid == 0:
    posix.read(r, 1)  # waits for the parent's byte
    posix._exit(4)
waited = []


def waiter():
    waited.append(posix.waitstatus_to_exitcode(posix.waitpid(pid, 0)[1]))
    done.release()


_thread.start_new_thread(waiter, ())
time.sleep(0.05)
counter = 0
for i in range(1000):
    counter += i
print("main counted", counter, "while the waiter waited:", waited)
posix.write(w, b"x")
done.acquire()
print("child exit code", waited)

# a large write to a pipe blocks until a reader thread drains it
payload = b"0123456789" * 100000
received = []


def drain():
    total = 0
    while total < len(payload):
        total += len(posix.read(r, 65536))
    received.append(total)
    done.release()


_thread.start_new_thread(drain, ())
written = 0
while written < len(payload):
    written += posix.write(w, payload[written:])
done.acquire()
print("wrote", written, "read", received)
posix.close(r)
posix.close(w)
