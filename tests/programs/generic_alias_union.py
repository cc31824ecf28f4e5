import types
U = int | str
print(type(U), U.__args__, U.__parameters__, repr(int|None), repr(None|int))
print(repr(dict[str, list[int]]), repr(tuple[()]), repr(list[...]), repr(tuple[int, ...]))
print(int | list[int], (int|str) == (str|int), hash(int|str)==hash(str|int), int|int, type(int|int))
try: isinstance([], list[int])
except TypeError as e: print(e)
print(isinstance(1, int|str), issubclass(bool, int|str), isinstance(None, int|None))
try: int | 3
except TypeError as e: print(e)
print(list[int](range(3)), list[int].__origin__, list[int].__args__, list[int].append)
print(list[int] == list[int], list[int] == list, hash(list[int]) == hash(list[int]))
class A(list[int]): pass
print(A.__mro__, A.__orig_bases__)
print(types.GenericAlias(list, int), types.GenericAlias(list, (int,)))
print(repr(list[int|str]), *tuple[int, str])
print(list[int] | None, (int|str) | None, None | int | None, int | str | int)
print(list[int].__mro_entries__((1,)), list[int].__reduce__(), list[int].__class__, type(list[int]).__module__, type(int|str).__name__)
for f in [lambda: list[int][str], lambda: types.GenericAlias(), lambda: type(int|str)(), lambda: list[int].foo, lambda: list[int] < list[int], lambda: issubclass(int, list[int])]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
class B: pass
print(B | None, list[B], dict[str, B])
