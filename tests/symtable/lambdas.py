# Lambdas are function scopes; their defaults are evaluated outside.
default = 10
add = lambda a, b=default: a + b
curry = lambda x: lambda y: lambda z: x + y + z
keyword_only = lambda *, k=default, **rest: (k, rest)
star = lambda *args: args


def make(factor):
    return lambda v, f=factor: v * f * factor


sort_key = sorted([3, 1, 2], key=lambda item: -item)
generator_lambda = lambda: (yield)
