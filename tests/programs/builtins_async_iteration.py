# aiter() and anext(), with and without a default, and their errors.
# (Driven by a small loop: nothing here suspends.)


def run(coroutine):
    while True:
        try:
            coroutine.send(None)
        except StopIteration as stop:
            return stop.value


class Counter:
    def __init__(self, limit):
        self.n = 0
        self.limit = limit

    def __aiter__(self):
        return self

    async def __anext__(self):
        self.n += 1
        if self.n > self.limit:
            raise StopAsyncIteration
        return self.n


async def agen():
    yield "a"
    yield "b"


class AwaitableNext:
    """__anext__ returns an object with __await__ (not a coroutine)."""

    def __init__(self):
        self.left = 2

    def __aiter__(self):
        return self

    def __anext__(self):
        return Step(self)


class Step:
    def __init__(self, owner):
        self.owner = owner

    def __await__(self):
        yield from ()
        if self.owner.left == 0:
            raise StopAsyncIteration
        self.owner.left -= 1
        return self.owner.left


async def main():
    it = aiter(Counter(2))
    print(type(it).__name__, await anext(it), await anext(it, "d"), await anext(it, "d"))
    try:
        await anext(it)
    except StopAsyncIteration as e:
        print("StopAsyncIteration", repr(e))
    pending = anext(it, "x")
    print(type(pending).__name__, pending.__await__() is pending)
    print(await pending)

    g = agen()
    print(aiter(g) is g, await anext(g), await anext(g), await anext(g, None), await anext(g, "end"))

    w = AwaitableNext()
    print(await anext(w), await anext(w), await anext(w, "fallback"))

    # The default may be any object, None included.
    print(await anext(Counter(0), None), await anext(Counter(0), [1]))

    # The awaitable protocol by hand: send / throw / close.
    aw = anext(Counter(0), 7)
    try:
        aw.send(None)
    except StopIteration as e:
        print("StopIteration", e.value)
    aw = anext(Counter(1), 7)
    try:
        aw.throw(ValueError("thrown"))
    except ValueError as e:
        print("ValueError", e)
    print(anext(Counter(1), 7).close())

    class NotAsync:
        def __aiter__(self):
            return 1

    for text in ("aiter(1)", "anext(1)", "aiter(NotAsync())", "anext()", "aiter()", "aiter(g, 2)",
                 "anext(it, 1, 2)", "anext(iterator=it)", "aiter([])"):
        try:
            eval(text, {"it": it, "g": g, "NotAsync": NotAsync})
        except TypeError as e:
            print(text, "->", e)

    async for value in aiter(Counter(3)):
        print("async for", value)


run(main())
