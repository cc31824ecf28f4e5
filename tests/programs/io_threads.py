# Files used from several threads at once: each thread writes and reads
# its own file through open(), while the GIL is released around the
# system calls; nothing is lost or interleaved.
import _thread

done = []
lock = _thread.allocate_lock()


def worker(number):
    path = "/tmp/garter_io_threads_%d" % number
    with open(path, "w", encoding="utf-8") as f:
        for line in range(2000):
            f.write("thread %d line %d ✓\n" % (number, line))
    total = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            total += len(line)
    with open(path, "rb") as f:
        size = len(f.read())
    with lock:
        done.append((number, total, size))


waits = []
for number in range(4):
    gate = _thread.allocate_lock()
    gate.acquire()
    waits.append(gate)
    def run(number=number, gate=gate):
        try:
            worker(number)
        finally:
            gate.release()
    _thread.start_new_thread(run, ())
for gate in waits:
    gate.acquire()
print(sorted(done))
