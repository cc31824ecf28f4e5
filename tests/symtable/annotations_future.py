# With `from __future__ import annotations` annotations are strings: their
# names are not uses, and scopes inside them do not exist.
from __future__ import annotations


def f(a: Undefined, *args: AlsoUndefined, **kw: Missing) -> [x for x in Nothing]:
    local: LocalType = 1
    bare: OnlyAnnotation
    return local


class Fields:
    name: NameType
    count: CountType = 0
    callback: lambda: Inner
    (paren): Paren = 2


def outer():
    T = int

    def inner(x: T) -> T:
        return x
    return inner


module_level: ModuleType = None
