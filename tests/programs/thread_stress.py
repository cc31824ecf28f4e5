# Stress: 24 threads x 300 rounds of Lock, nested RLock, _local and SimpleQueue
# traffic with one consumer thread; nothing may be lost or counted twice.
import _thread, _queue, time
THREADS = 24
ROUNDS = 300
mutex = _thread.allocate_lock()
rlock = _thread.RLock()
local = _thread._local()
q = _queue.SimpleQueue()
results = _queue.SimpleQueue()
shared = [0]
def worker(index):
    local.mine = index
    total = 0
    for r in range(ROUNDS):
        with mutex:
            shared[0] += 1
        with rlock:
            with rlock:
                total += 1
        q.put((index, r))
        if r % 50 == 0:
            time.sleep(0)
        assert local.mine == index
    results.put((index, total))
def consumer():
    got = 0
    while True:
        item = q.get()
        if item is None:
            break
        got += 1
    results.put(("consumer", got))
_thread.start_new_thread(consumer, ())
for i in range(THREADS):
    _thread.start_new_thread(worker, (i,))
finished = [results.get(timeout=120) for _ in range(THREADS)]
q.put(None)
c = results.get(timeout=120)
print(shared[0] == THREADS * ROUNDS, sorted(t for _, t in finished) == [ROUNDS] * THREADS, c)
