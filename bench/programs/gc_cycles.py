# Builds and drops a million small reference cycles (half self-referencing
# lists, half pairs of instances pointing at each other): the cycle
# collector frees them as it goes. Prints how many were built and that the
# collector kept up (the tracked objects left are few).
import gc


class Node:
    pass


def build(count):
    for i in range(count // 2):
        cell = [i]
        cell.append(cell)
        a = Node()
        b = Node()
        a.other = b
        b.other = a


build(1_000_000)
gc.collect()
print(1_000_000, len(gc.get_objects()) < 100_000)
