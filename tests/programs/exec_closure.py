# exec() of code objects with free and cell variables: the closure keyword,
# CPython's checks, and unbound cells.
import types


def show(label, thunk):
    try:
        print(label, thunk())
    except Exception as e:
        print(label, type(e).__name__, e)


def outer(x):
    return lambda: print("inside", x + 1)


g = outer(3)
show("eval free", lambda: eval(g.__code__))
show("exec free no closure", lambda: exec(g.__code__, {}))
show("exec closure None", lambda: exec(g.__code__, {}, closure=None))
show("exec closure ok", lambda: exec(g.__code__, {}, closure=g.__closure__))
show("exec new cell", lambda: exec(g.__code__, {}, None, closure=(types.CellType(41),)))
show("exec empty cell", lambda: exec(g.__code__, {}, closure=(types.CellType(),)))
show("exec wrong length", lambda: exec(g.__code__, {}, closure=()))
show("exec not cells", lambda: exec(g.__code__, {}, closure=(1,)))
show("exec list", lambda: exec(g.__code__, {}, closure=[types.CellType(1)]))


def plain():
    pass


show("closure on plain code", lambda: exec(plain.__code__, {}, closure=()))
show("closure on text", lambda: exec("1", {}, closure=g.__closure__))
show("closure None on text", lambda: exec("1", {}, closure=None))
show("eval keyword", lambda: eval("1", {}, closure=None))
show("exec 4 positional", lambda: exec("1", {}, None, None))


def with_cells():
    a = 1
    def inner():
        return a
    print("with_cells ran", inner())


show("exec code with cells", lambda: exec(with_cells.__code__, {"print": print}))


def deleted():
    y = 1
    def k():
        return y
    del y
    return k


show("unbound free", lambda: deleted()())


def unbound_local():
    def k():
        return z
    show("unbound cell", k)
    z = 2


unbound_local()

# exec of source with nested closures, inside a function
def run_nested():
    ns = {}
    exec("""if 1:
        def f():
            y = 1
            def g():
                global y
                return y
            def h():
                return y + 1
            return g, h
        y = 9
        g, h = f()
        result9 = g()
        result2 = h()
        class C:
            def m(self):
                return __class__.__name__
        cname = C().m()
        """, ns)
    print(ns["result9"], ns["result2"], ns["cname"])


run_nested()
