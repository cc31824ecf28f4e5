# Generators: yield, yield from, send, throw, close, return values, genexps.
def gen():
    x = yield 1
    print("got", x)
    y = yield x * 2
    print("got", y)
    return "done"

g = gen()
print(next(g))
print(g.send(10))
try:
    g.send(20)
except StopIteration as e:
    print("stop", e.value)

def inner():
    yield 1
    yield 2
    return "inner result"

def outer():
    result = yield from inner()
    print("inner returned", result)
    yield 3

print(list(outer()))

def catcher():
    while True:
        try:
            yield
        except ValueError as e:
            print("caught", e)
        except GeneratorExit:
            print("closing")
            raise

c = catcher()
next(c)
c.throw(ValueError("one"))
c.throw(ValueError("two"))
c.close()

def delegating():
    yield from catcher()

d = delegating()
next(d)
d.throw(ValueError("through"))
d.close()

squares = (i * i for i in range(5))
print(sum(squares), list(squares))
print(list(x for x in "abc" if x != "b"))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib()
print([next(f) for _ in range(10)])

def stop_inside():
    yield 1
    raise StopIteration

try:
    list(stop_inside())
except RuntimeError as e:
    print("RuntimeError:", e)

def finally_gen():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")

fg = finally_gen()
print(next(fg))
fg.close()
print(fg.gi_running, type(fg).__name__)
g2 = gen()
try:
    g2.send(1)
except TypeError as e:
    print("TypeError:", e)
