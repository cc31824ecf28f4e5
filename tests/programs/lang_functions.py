# Function signatures: defaults, *args, **kwargs, keyword-only, positional-only, errors.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))

print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, z=6, y=7))
print(f(*[1, 2], **{"c": 9}))

def pos(a, b, /, c, *, d):
    return a + b + c + d

print(pos(1, 2, 3, d=4), pos(1, 2, c=3, d=4))

def check(call):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

check(lambda: pos(1, b=2, c=3, d=4))
check(lambda: pos(1, 2, 3, 4))
check(lambda: f())
check(lambda: f(1))
check(lambda: f(1, 2, c=3, a=5))
check(lambda: (lambda x, y, z: 0)(1))
check(lambda: (lambda: 0)(1))
check(lambda: (lambda x=1: 0)(1, 2))
check(lambda: (lambda *, k: 0)(k=1, j=2))

def defaults(x, items=[]):
    items.append(x)
    return items

print(defaults(1), defaults(2))
print(f.__name__, f.__defaults__, f.__kwdefaults__, f.__code__.co_argcount, f.__code__.co_kwonlyargcount)
print(pos.__code__.co_posonlyargcount, pos.__code__.co_varnames)

def annotated(x: int, y: "str" = "a") -> list:
    pass

print(annotated.__annotations__)

def doc():
    "The docstring."
    return 1

print(doc.__doc__, (lambda: 0).__doc__, doc.__qualname__)

class K:
    def method(self):
        def inner():
            pass
        return inner

print(K.method.__qualname__, K().method().__qualname__)
