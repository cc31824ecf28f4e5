# An assignment expression in a comprehension binds in the enclosing scope.
def running_total(values):
    total = 0
    sums = [total := total + v for v in values]
    return sums, total


def first_match(items):
    if any((found := item) > 10 for item in items):
        return found
    return None


def nested(items):
    # Binds in `nested`, through two comprehensions.
    return [[(last := x) for x in row] for row in items], last


def declared_global(items):
    global seen
    return [seen := i for i in items]


at_module = [latest := n for n in range(3)]
print(latest)
