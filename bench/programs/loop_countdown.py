# A tight loop of small-int arithmetic and comparisons (the while n > 0: n -= 1 loop).
def countdown(n):
    while n > 0:
        n -= 1
    return n


print(countdown(20000000))
