# Nested for loops over range() with a small body.
def run(outer, inner):
    total = 0
    for i in range(outer):
        for j in range(inner):
            total += i ^ j
    return total


print(run(3000, 3000))
