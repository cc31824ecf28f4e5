# _queue.SimpleQueue and _queue.Empty: the API, CPython's errors, and items
# handed from a producer to three consumer threads (each arrives once).
import _queue
import _thread
print(_queue.Empty, _queue.Empty.__mro__, _queue.Empty.__module__)
q = _queue.SimpleQueue()
print(q.empty(), q.qsize())
q.put(1); q.put(2, block=False, timeout=5); q.put_nowait(3)
print(q.qsize(), q.get(), q.get_nowait(), q.get(False), q.empty())
for args in [(), (False,), (True, 0), (True, 0.01)]:
    try: q.get(*args) if args else q.get(timeout=0)
    except Exception as e: print(type(e).__name__, repr(e), isinstance(e, Exception))
try: q.get(timeout=-1)
except Exception as e: print(type(e).__name__, e)
try: q.get(1,2,3)
except Exception as e: print(type(e).__name__, e)
try: q.put()
except Exception as e: print(type(e).__name__, e)
try: q.get(x=1)
except Exception as e: print(type(e).__name__, e)
try: _queue.SimpleQueue(1)
except Exception as e: print(type(e).__name__, e)
print(type(q).__name__, type(q).__module__)
# Producer and consumers across threads: every item arrives exactly once.
work = _queue.SimpleQueue()
results = _queue.SimpleQueue()
def consumer(index):
    total = 0
    while True:
        item = work.get()
        if item is None:
            break
        total += item
    results.put((index, total))
for index in range(3):
    _thread.start_new_thread(consumer, (index,))
for n in range(1, 3001):
    work.put(n)
for index in range(3):
    work.put(None)
totals = [results.get(timeout=30) for _ in range(3)]
print(sum(t for _, t in totals), sorted(i for i, _ in totals))
