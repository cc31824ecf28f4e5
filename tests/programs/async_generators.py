import sys
async def agen():
    try:
        for i in range(3):
            yield i
    finally:
        print("agen finally")
async def inner():
    return 7
async def agen2():
    v = await inner()
    x = yield v
    print("got", x)
    yield x * 2
async def main():
    out = []
    async for x in agen():
        out.append(x)
    print(out, [x async for x in agen()])
    g = agen()
    print(await g.__anext__(), type(g).__name__)
    await g.aclose()
    g2 = agen2()
    print(await g2.asend(None), await g2.asend(5))
    try:
        await g2.__anext__()
    except StopAsyncIteration:
        print("stop")
    g3 = agen()
    await g3.__anext__()
    try:
        await g3.athrow(ValueError("boom"))
    except ValueError as e:
        print("athrow", e)
    print(sys.get_asyncgen_hooks())
    async def bad():
        try:
            yield 1
        except GeneratorExit:
            yield 2
    b = bad()
    await b.__anext__()
    try:
        await b.aclose()
    except RuntimeError as e:
        print(e)
c = main()
try:
    c.send(None)
except StopIteration:
    pass
calls = []
sys.set_asyncgen_hooks(firstiter=lambda g: calls.append(("first", type(g).__name__)), finalizer=lambda g: calls.append("final"))
async def m2():
    g = agen()
    await g.__anext__()
    del g
c = m2()
try: c.send(None)
except StopIteration: pass
print(calls)
try: sys.set_asyncgen_hooks(firstiter=1)
except TypeError as e: print(e)
