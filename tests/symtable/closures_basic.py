# A closure reads its enclosing function's locals through cells.
def counter(start):
    count = start

    def increment(step=1):
        nonlocal count
        count += step
        return count

    def peek():
        return count, start

    return increment, peek


def unrelated():
    # Same names, no closure: everything stays local.
    count = 0
    start = count
    return start
