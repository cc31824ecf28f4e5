a = lambda: 0
b = lambda x: x
c = lambda x, y: x + y
d = lambda x=1, *, y=2: x
e = lambda *args, **kwargs: (args, kwargs)
f = lambda a, /, b, *, c: 0
g = lambda a=1, /, b=2: 0
h = lambda: (yield)
i = lambda: lambda: lambda: 1
j = (lambda x: x)(1)
k = lambda x: x if x else -x
l = lambda *a, b, **c: 0
m = [lambda: i for i in range(3)]
n = lambda x,: x
o = lambda *, a, b=1, c: 0
