# Comprehensions inside comprehensions, lambdas inside comprehensions.
def grid(width, height):
    return [[(x, y) for x in range(width)] for y in range(height)]


def closures(n):
    return [lambda: i for i in range(n)]


def generator_of_generators(rows):
    return ((c for c in row if c) for row in rows)


def dict_value_first(keys):
    # CPython walks a dict comprehension's value before its key.
    return {key: value for key in keys for value in [key]}


matrix = [[1, 2], [3, 4]]
flat = [v for row in matrix for v in row]
