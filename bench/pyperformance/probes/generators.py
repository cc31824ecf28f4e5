# What the benchmark's tree generator yields.
import run_benchmark as bm

values = list(bm.tree(range(1000)))
print(len(values), sum(values), values[:5], values == list(range(1000)))
