import os
x = 1
def f(a, b=2, *args, c, d=3, **kw):
    """doc"""
    y = a + b
    def g():
        return y + a
    for i in range(10):
        if i > 3 and y:
            break
    else:
        pass
    try:
        z = [j * 2 for j in args if j]
    except (ValueError, TypeError) as e:
        raise RuntimeError("x") from e
    finally:
        print("done")
    with open("f") as fh, open("g"):
        fh.read()
    return g
class C(Base, metaclass=M):
    x: int = 3
    def m(self):
        return super().m()
async def co(x):
    async with x as y:
        await y
    async for q in x:
        print(q)
    return [z async for z in x]
match x:
    case [1, 2, *rest]:
        pass
    case {"a": 1, **kw}:
        pass
    case Point(x=0, y=yy) | Point(x=yy, y=0):
        pass
    case _:
        pass
