async def f():
    await x
    await f(await g())
    y = await z
    return await w
async def g():
    async for x in y:
        pass
    else:
        pass
    async with a as b, c as d:
        pass
    async with a:
        pass
    yield 1
async def h():
    a = [x async for x in y]
    b = {x async for x in y if await x}
    c = {k: v async for k, v in y}
    d = (x async for x in y)
    e = [x for x in await y]
    f = [x async for y in z async for x in y if x for w in x]
    g = [await x for x in y]
    return (await x) ** 2, -await y, await x.y, await x[0]
async def i():
    async with (a as b, c as d,):
        pass
@dec
async def j(a, *, b=await_): pass
class K:
    async def m(self): await self.n()
