# The class attributes of `type` Garter added for CPython 3.11's dir(type):
# __flags__ bits, the layout numbers' meaning, __text_signature__, __annotations__.
import abc

HEAPTYPE, BASETYPE, ABSTRACT = 1 << 9, 1 << 10, 1 << 20
LONG, LIST, TUPLE, BYTES, UNICODE, DICT, BASE_EXC, TYPE = (1 << n for n in range(24, 32))


class A:
    pass


class B(int):
    pass


class C:
    __slots__ = ("a",)


class D(abc.ABC):
    @abc.abstractmethod
    def f(self):
        pass


class E(list):
    pass


for t in (object, int, bool, list, tuple, bytes, str, dict, type, ValueError, A, B, C, D, E):
    flags = t.__flags__
    print(t.__name__, "heap", bool(flags & HEAPTYPE), "base", bool(flags & BASETYPE),
          "abstract", bool(flags & ABSTRACT),
          "subclass of", [name for name, bit in [("int", LONG), ("list", LIST), ("tuple", TUPLE), ("bytes", BYTES),
                                                 ("str", UNICODE), ("dict", DICT), ("BaseException", BASE_EXC),
                                                 ("type", TYPE)] if flags & bit])

for t in (A, C, int):
    print(t.__name__, "has dict slot", t.__dictoffset__ != 0, type(t.__basicsize__).__name__, t.__basicsize__ > 0)
print(type(int.__itemsize__).__name__, type(A.__weakrefoffset__).__name__)

for t in (object, list, tuple, float, complex, enumerate, property, reversed, memoryview, int, dict, A):
    print(t.__name__, t.__text_signature__)


class Annotated:
    x: int
    y: "str" = "a"


print(Annotated.__annotations__)
print(A.__annotations__, "__annotations__" in A.__dict__)
A.__annotations__ = {"z": float}
print(A.__annotations__)
del A.__annotations__
try:
    del A.__annotations__
except AttributeError as e:
    print("AttributeError", e)
for stmt in ("int.__annotations__", "int.__annotations__ = {}", "del int.__annotations__"):
    try:
        exec(stmt)
    except Exception as e:
        print(type(e).__name__, e)


class Sub(Annotated):
    pass


print(Sub.__annotations__, Sub.__annotations__ is Annotated.__annotations__)

# dir() of a class lists the class's and its bases' attributes, not its metaclass's.
print([n for n in ("mro", "__mro__", "__bases__", "__name__", "__subclasses__") if n in dir(int)])
print([n for n in ("mro", "__mro__", "__subclasses__") if n in dir(type)])
