def a(x):
    try:
        x()
    except ValueError as e:
        print(e)
    except (TypeError, KeyError):
        pass
    except:
        raise
    else:
        return 1
    finally:
        print("done")

def b(x):
    for i in x:
        try:
            if i:
                continue
            break
        finally:
            print(i)
    with x as y, x:
        return y

def c(x):
    try:
        pass
    except* ValueError as e:
        print(e)
    except* TypeError:
        raise

async def d(x):
    async with x as y:
        try:
            await y
        except Exception:
            return 2
    async for i in x:
        if i:
            break
    else:
        return 3

def e(x):
    while x:
        try:
            return x.pop()
        except IndexError:
            continue
        finally:
            x = None
