# gen.throw(E) and raise E where E() returns a non-exception: CPython's TypeError,
# thrown into the generator for throw().
class E(Exception):
    def __new__(cls, *args, **kwargs):
        return cls

def boring_generator():
    yield

gen = boring_generator()
try:
    gen.throw(E)
except Exception as e:
    print(type(e).__name__, e)
try:
    next(gen)
except StopIteration:
    print("stop")

def generator():
    try:
        yield
    except Exception as e:
        print("inner", type(e).__name__, e)

gen = generator()
next(gen)
try:
    gen.throw(E)
except StopIteration:
    print("stop2")
try:
    raise E
except Exception as e:
    print(type(e).__name__, e)
