"""A small but realistic module mixing every kind of scope."""
from __future__ import annotations

import dataclasses
import functools
from typing import Callable, Iterator

_registry: dict[str, Callable] = {}


def register(name: str):
    def decorator(fn: Callable) -> Callable:
        _registry[name] = fn

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            wrapper.calls += 1
            return fn(*args, **kwargs)

        wrapper.calls = 0
        return wrapper
    return decorator


@dataclasses.dataclass
class Point:
    x: float
    y: float = 0.0

    def __add__(self, other: Point) -> Point:
        return Point(self.x + other.x, self.y + other.y)

    def scaled(self, *factors: float) -> Iterator[Point]:
        yield from (Point(self.x * f, self.y * f) for f in factors)

    @classmethod
    def origin(cls) -> Point:
        return cls(0.0)

    def __repr__(self):
        return f"{type(self).__name__}({self.x!r}, {self.y!r})"

    class Meta:
        def describe(self):
            return super().describe()


@register("sum")
def total(points: list[Point]) -> Point:
    result = Point.origin()
    for p in points:
        result = result + p
    return result


def main(argv=None):
    import sys
    args = sys.argv[1:] if argv is None else argv
    points = [Point(float(a), float(b)) for a, b in zip(args[::2], args[1::2])]
    if (n := len(points)) > 0:
        print(n, total(points))
    return {name: fn for name, fn in sorted(_registry.items())}


if __name__ == "__main__":
    main()
