# The spectral norm the benchmark computes, at a smaller size.
import math
import run_benchmark as bm

u = [1] * 40
for _ in range(10):
    v = bm.eval_AtA_times_u(u)
    u = bm.eval_AtA_times_u(v)
vBv = vv = 0
for ue, ve in zip(u, v):
    vBv += ue * ve
    vv += ve * ve
print(repr(vBv), repr(vv), repr(math.sqrt(vBv / vv)))
