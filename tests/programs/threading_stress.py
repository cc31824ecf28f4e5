# Stress (issue 6): sixteen threading.Threads hammer shared built-in
# containers (list, dict, set, deque), Lock/RLock/Condition-guarded state and
# queue.Queue for a bounded number of operations, with a tiny switch interval
# so that the GIL changes hands inside every loop. Afterwards nothing may be
# lost or counted twice: the counts and sums printed are fixed by the
# arithmetic, not by the schedule.
import collections
import queue
import sys
import threading

sys.setswitchinterval(1e-5)

THREADS = 16
OPS = 60
BUFFER_SIZE = 4

shared_list = []
shared_dict = {}
shared_set = set()
shared_deque = collections.deque()
popped = []                       # items taken from the deque by the poppers
counts = {"lock": 0, "rlock": 0}
lock = threading.Lock()
rlock = threading.RLock()

# A bounded buffer guarded by a Condition: producers wait while it is full,
# consumers while it is empty.
condition = threading.Condition()
buffer = []
consumed_by_condition = []
work_queue = queue.Queue(maxsize=8)
queue_sums = []
start = threading.Barrier(THREADS)
errors = []


def item(index, op):
    return index * OPS + op


def producer(index):
    start.wait()
    for op in range(OPS):
        value = item(index, op)
        shared_list.append(value)
        shared_dict[value] = index
        shared_set.add(value)
        shared_deque.append(value)
        with lock:
            counts["lock"] += 1          # a read-modify-write: needs the lock
        with rlock:
            with rlock:
                counts["rlock"] += value
        with condition:
            while len(buffer) >= BUFFER_SIZE:
                condition.wait()
            buffer.append(value)
            condition.notify_all()
        work_queue.put(value)


def consumer(index):
    start.wait()
    mine = []
    for _ in range(OPS * 2):           # each consumer matches two producers
        with condition:
            while not buffer:
                condition.wait()
            mine.append(buffer.pop(0))
            condition.notify_all()
    consumed_by_condition.extend(mine)


def queue_consumer():
    total = got = 0
    while True:
        value = work_queue.get()
        if value is None:
            work_queue.task_done()
            break
        total += value
        got += 1
        work_queue.task_done()
    with lock:
        queue_sums.append((got, total))


def popper(index):
    start.wait()
    mine = []
    misses = 0
    while len(mine) < OPS // 2:
        try:
            mine.append(shared_deque.popleft())
        except IndexError:
            misses += 1                  # empty for now: producers are behind
    with lock:
        popped.extend(mine)


def guarded(target, *args):
    def run():
        try:
            target(*args)
        except BaseException as error:   # shown in the output, never hidden
            errors.append(f"{target.__name__}{args}: {type(error).__name__}: {error}")
    return run


# 8 producers, 4 condition consumers (2 producers' worth each) and 4
# deque poppers (half a producer's items each) wait at the barrier together;
# 3 queue consumers are outside it.
PRODUCERS = 8
threads = [threading.Thread(target=guarded(producer, i)) for i in range(PRODUCERS)]
threads += [threading.Thread(target=guarded(consumer, i)) for i in range(4)]
threads += [threading.Thread(target=guarded(popper, i)) for i in range(4)]
queue_threads = [threading.Thread(target=guarded(queue_consumer)) for _ in range(3)]
assert len(threads) == THREADS
for thread in threads + queue_threads:
    thread.start()
for thread in threads:
    thread.join()
for _ in queue_threads:
    work_queue.put(None)
work_queue.join()
for thread in queue_threads:
    thread.join()

expected = [item(i, op) for i in range(PRODUCERS) for op in range(OPS)]
expected_sum = sum(expected)
print("errors:", errors)
print("threads alive:", [t.is_alive() for t in threads + queue_threads].count(True))
print("list:", len(shared_list), sum(shared_list) == expected_sum, sorted(shared_list) == expected)
print("dict:", len(shared_dict), sum(shared_dict) == expected_sum,
      sorted(collections.Counter(shared_dict.values()).items()))
print("set:", len(shared_set), shared_set == set(expected))
print("deque: popped", len(popped), "left", len(shared_deque),
      sorted(popped + list(shared_deque)) == expected)
print("lock counter:", counts["lock"], "rlock sum:", counts["rlock"] == expected_sum)
print("condition:", len(consumed_by_condition), sorted(consumed_by_condition) == expected,
      "buffer left:", buffer)
print("queue:", len(queue_sums), "consumers got", sum(got for got, _ in queue_sums),
      sum(total for _, total in queue_sums) == expected_sum, "empty:", work_queue.empty(),
      "unfinished:", work_queue.unfinished_tasks)
print("per-thread order kept in list:",
      all(ops == sorted(ops) for ops in
          ([v for v in shared_list if v // OPS == i] for i in range(PRODUCERS))))
