# The value the benchmark's coroutine computes when driven by send(None).
import run_benchmark as bm

coroutine = bm.fibonacci(20)
steps = 0
try:
    while True:
        coroutine.send(None)
        steps += 1
except StopIteration as stop:
    print(stop.value, steps)
