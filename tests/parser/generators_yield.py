def gen():
    x = yield
    y = yield x
    z = yield from range(3)
    yield
    yield 1, 2
    yield (1, 2)
    yield *a, b
    await_ = yield x if x else y
    w = [(yield) for _ in ()]
    return z
def g2():
    return (yield)
def g3():
    x = (yield 1) + (yield 2)
    f((yield))
    f(x, (yield y))
    lambda: (yield)
