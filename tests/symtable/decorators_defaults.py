# Decorators, default values and annotations are evaluated where the
# function is defined, not inside it.
import functools


def deco(tag):
    def wrap(fn):
        @functools.wraps(fn)
        def inner(*args, **kwargs):
            return tag, fn(*args, **kwargs)
        return inner
    return wrap


LIMIT = 3


@deco("outer")
def f(a, b=LIMIT, *, c=LIMIT + 1, d):
    return a, b, c, d


def outer(x):
    @deco(x)
    def g(y=x):
        return y
    return g


@deco
class Decorated(object, metaclass=type):
    pass
