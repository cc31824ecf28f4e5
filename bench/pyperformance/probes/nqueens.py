# The solutions the benchmark enumerates (and discards).
import run_benchmark as bm

solutions = list(bm.n_queens(8))
print(len(solutions))
print(solutions[0], solutions[-1])
print(sum(sum(i * column for i, column in enumerate(s)) for s in solutions))
