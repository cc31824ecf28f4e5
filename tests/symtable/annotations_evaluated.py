# Without `from __future__ import annotations`, annotations are evaluated
# in the enclosing scope and their names are uses there.
from typing import List


def f(a: int, /, b: List[str], *args: tuple, c: float, **kwargs: dict) -> bool:
    local: set = set()
    only_annotated: frozenset
    return bool(local)


class Fields:
    name: str
    count: int = 0
    (parenthesized): bytes = b""
    attribute.target: complex
    subscript[0]: range


def outer():
    T = int

    def inner(x: T) -> T:     # T read in outer, where inner is defined
        y: T = x
        return y
    return inner


module_level: List[int] = []
