# Closures, nonlocal, global, cells, late binding.
def counter():
    count = 0
    def increment(step=1):
        nonlocal count
        count += step
        return count
    return increment

c = counter()
c(); c(5)
print(c(), c.__closure__[0].cell_contents, c.__code__.co_freevars)

def make_adders():
    return [lambda x, i=i: x + i for i in range(3)], [lambda x: x + i for i in range(3)]

early, late = make_adders()
print([f(10) for f in early], [f(10) for f in late])

total = 0
def add(n):
    global total
    total += n

for n in range(5):
    add(n)
print(total)

def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    return middle()()

print(outer())

def unbound():
    try:
        print(y)
    except NameError as e:
        print(type(e).__name__, e)
    y = 1

unbound()

def free_unbound():
    def inner():
        return z
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    z = 2

free_unbound()

def shadow(x):
    def g():
        return x * 2
    x = x + 1
    return g()

print(shadow(10))

class Scope:
    a = 1
    b = [a * i for i in range(3)] if False else None
    def m(self):
        return __class__.__name__

print(Scope().m())
