#!/usr/bin/env python3
"""A small but realistic module."""
from __future__ import annotations

import dataclasses
import sys
from typing import Iterator


@dataclasses.dataclass(order=True)
class Item:
    name: str
    price: float = 0.0
    tags: list[str] = dataclasses.field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.name:<10} {self.price:>8.2f} {', '.join(self.tags)!r}"


def parse(lines: Iterator[str]) -> list[Item]:
    items = []
    for lineno, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            name, price, *tags = line.split(",")
        except ValueError as exc:
            raise SystemExit(f"line {lineno}: {exc}") from None
        items.append(Item(name, float(price), [t.strip() for t in tags]))
    return sorted(items, key=lambda i: (-i.price, i.name))


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    with open(argv[0], encoding="utf-8") as f:
        for item in parse(f):
            print(item)
    return 0


if __name__ == "__main__":
    sys.exit(main())
