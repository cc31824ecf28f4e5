# Each comprehension is a function scope; the outermost iterable is
# evaluated outside it and passed in as `.0`.
data = [1, 2, 3]
squares = [n * n for n in data]
evens = {n for n in data if n % 2 == 0}
table = {k: v for k, v in zip(data, data)}
lazy = (n + 1 for n in data)
pairs = [(a, b) for a in data for b in range(a) if a > b]


def inside(items, limit):
    return [item for item in items if item < limit]


def nested_iterable(rows):
    # The inner comprehension's iterable `row` belongs to the outer one.
    return [[cell for cell in row] for row in rows]
