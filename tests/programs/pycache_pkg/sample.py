"""A module that pycache_import.py imports twice (the second time from __pycache__)."""

LIMIT = 10


def compute(n):
    values = [i * i for i in range(n) if i % 2]
    try:
        return sum(values) / (n - 5)
    except ZeroDivisionError:
        return 'division by zero'


class Shape:
    sides = 4

    def describe(self):
        return f'{type(self).__name__} with {self.sides} sides'
