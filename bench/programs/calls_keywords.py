# Function calls with positional, keyword and default arguments.
def combine(a, b, c=3, d=4):
    return a + b * c - d


def run(rounds):
    total = 0
    i = 0
    while i < rounds:
        total += combine(i, 2)
        total += combine(i, 2, 5)
        total += combine(a=i, b=1, d=2)
        total += combine(i, 3, d=1, c=2)
        total = total % 1000003
        i += 1
    return total


print(run(1200000))
