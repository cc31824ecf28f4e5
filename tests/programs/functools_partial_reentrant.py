# functools.partial whose call replaces its own state (__setstate__) mid-way.
from functools import partial


def capture(*args, **kwargs):
    return args, kwargs


p = partial(capture)


p.__setstate__((capture, ([1, 2], [3]), {'k': [4]}, None))
print(repr(p).replace(repr(capture), 'capture'))


class EvilArg:
    def __eq__(self, other):
        return NotImplemented


def mutating(*args, **kwargs):
    q.__setstate__((capture, (), {}, None))
    return args, kwargs


q = partial(mutating, [10], EvilArg(), key=[20])
args, kwargs = q([30])
print(args[0], args[2], kwargs, q())

r = partial(capture)
r.__setstate__((capture, (), {1: 2}, None))
try:
    r()
except TypeError as e:
    print(type(e).__name__, e)
r.__setstate__((max, (), {1: 2}, None))
try:
    r([1])
except TypeError as e:
    print(type(e).__name__, e)
