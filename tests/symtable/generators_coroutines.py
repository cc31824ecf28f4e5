# yield, yield from and await in various scopes.
def gen(items):
    for item in items:
        received = yield item
        if received:
            yield from received
    return len(items)


async def coro(fetch):
    value = await fetch()
    async with fetch() as resource:
        async for piece in resource:
            print(piece)
    return value


def uses_yield_in_iterable():
    # The outermost iterable belongs to the enclosing function.
    return [x for x in (yield)]
