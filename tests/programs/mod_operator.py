# _operator: operators as functions, itemgetter/attrgetter/methodcaller, compared with CPython.
import _operator as o


def show(label, thunk):
    try:
        result = thunk()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", repr(result))


pairs = [(7, 3), (2.5, 2), (-7, 2), ([1], [2]), ("ab", 3), ({1, 2}, {2, 3}), (True, 5)]
for name in ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "and_", "or_", "xor",
             "lt", "le", "eq", "ne", "gt", "ge", "is_", "is_not", "matmul", "concat"]:
    for a, b in pairs:
        if name == "mul" and a == [1]:
            continue  # list * list: the list type's own message, not _operator's
        show(f"{name}({a!r}, {b!r})", lambda: getattr(o, name)(a, b))
for name in ["neg", "pos", "inv", "invert", "abs", "not_", "truth", "index"]:
    for value in [5, -2.5, True, [], "x", 0]:
        show(f"{name}({value!r})", lambda: getattr(o, name)(value))

lst = [1, 2]
print(o.iadd(lst, [3]) is lst, lst, o.iconcat(lst, (4,)), o.imul([1], 2), o.isub(5, 3), o.ipow(2, 10), o.ior({1}, {2}))
print(o.itruediv(1, 4), o.ifloordiv(7, 2), o.imod(7, 4), o.ilshift(1, 3), o.irshift(16, 2), o.iand(6, 3), o.ixor(6, 3))
d = {"a": 1}
o.setitem(d, "b", 2)
o.delitem(d, "a")
print(d, o.getitem(d, "b"), o.contains(d, "b"), o.countOf([1, 2, 1, 1], 1), o.indexOf("abc", "c"))
print(o.length_hint([1, 2, 3]), o.length_hint(iter(list(range(10)))), o.length_hint(5, 7), o.length_hint(x for x in "ab"))
print(o.call(max, 1, 5, key=lambda v: -v), o._compare_digest(b"abc", b"abc"), o._compare_digest("abc", "abd"),
      o._compare_digest(b"a", bytearray(b"ab")))

getter = o.itemgetter(1)
many = o.itemgetter(0, -1, slice(1, 3))
print(getter([5, 6, 7]), many("hello"), getter({1: "one"}), repr(getter), repr(many))
print(sorted([(1, "b"), (0, "c"), (2, "a")], key=o.itemgetter(1)))


class Node:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child

    def greet(self, greeting, punctuation="!"):
        return f"{greeting}, {self.name}{punctuation}"


tree = Node("root", Node("leaf"))
attr = o.attrgetter("name")
deep = o.attrgetter("child.name", "name")
print(attr(tree), deep(tree), repr(attr), repr(deep))
call = o.methodcaller("greet", "Hello", punctuation="?")
print(call(tree), repr(call), o.methodcaller("upper")("abc"), repr(o.methodcaller("split", ",")))
print(type(getter).__name__, type(attr).__name__, type(call).__name__, o.itemgetter.__module__)

show("neg()", lambda: o.neg())
show("add(1)", lambda: o.add(1))
show("add kw", lambda: o.add(x=1))
show("concat ints", lambda: o.concat(1, 2))
show("concat list tuple", lambda: o.concat([1], (2,)))
show("indexOf missing", lambda: o.indexOf([1], 2))
show("itemgetter()", lambda: o.itemgetter())
show("attrgetter(1)", lambda: o.attrgetter(1))
show("methodcaller()", lambda: o.methodcaller())
show("methodcaller(1)", lambda: o.methodcaller(1))
show("abs str", lambda: o.abs("a"))
show("neg str", lambda: o.neg("a"))
show("length_hint bad default", lambda: o.length_hint(1, "a"))
show("compare ints", lambda: o._compare_digest(1, 2))
show("compare non-ascii", lambda: o._compare_digest("é", "é"))
show("attr missing", lambda: o.attrgetter("x")(1))
show("item missing", lambda: o.itemgetter(5)([1]))
show("contains int", lambda: o.contains(1, 2))
show("lt mixed", lambda: o.lt(1, "a"))
print(sorted(n for n in dir(o) if not n.startswith("__")))
