def f(): pass
def f(a): return a
def f(a, b=1, *args, c, d=2, **kwargs) -> int:
    return a
def f(a, b, /, c, d, *, e, f): pass
def f(a, /): pass
def f(a=1, /, b=2, *, c): pass
def f(*, a=1, b): pass
def f(*args): pass
def f(**kwargs): pass
def f(a: int, b: str = 'x', *c: tuple, d: 'fwd' = None, **e: dict) -> 'R': pass
def f(a, b,): pass
def f(*a, b,): pass
def f(
    a,
    b,
): pass
def f():
    def g():
        def h():
            return 1
        return h
    return g
def f(): return
def f(): return 1, 2
def f(): return *a, b
def f(): yield
def f(): yield 1
def f(): yield 1, 2
def f(): yield from g()
def f(): x = yield
def f(): x = yield y
def f(): await_ = (yield)
def f(a, *, b): return lambda c, *d, e=1, **f: (a, b, c, d, e, f)
