import threading, queue
q = queue.Queue()
results = []
lock = threading.Lock()
def worker(n):
    for i in range(1000):
        with lock:
            results.append(i)
    q.put(n)
ts = [threading.Thread(target=worker, args=(i,), name=f"w{i}") for i in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(len(results), sorted(q.get() for _ in range(4)), threading.active_count(), threading.current_thread().name)
ev = threading.Event()
threading.Timer(0.05, ev.set).start()
print(ev.wait(2))
c = threading.Condition()
local = threading.local()
local.x = 1
def f():
    local.x = 2
    with c: c.notify_all()
t = threading.Thread(target=f); t.start(); t.join()
print(local.x, t.is_alive())
