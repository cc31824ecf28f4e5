a = b = c = 1
a, b = b, a
(a, b), c = (1, 2), 3
[a, b] = [1, 2]
a, *b = range(5)
*a, b = range(5)
a, *b, c = range(5)
[a, [*b, c]] = x
first, (second, *rest) = y
a.b, c[d], *e.f = z
x = *a, *b
x = [*a, *b, 1]
x = {*a, *b}
x = {**a, 'k': 1, **b}
print(*args, *more, sep='', **kw, **kw2)
f(a, *b, c=1, *d, **e)
for a, *b in x: pass
for [a, b] in x: pass
for (a), b in x: pass
a: int
a: int = 1
a.b: str = 'x'
a[0]: float
(a): int = 2
x: list[int] = []
x, = y
() = []
[] = ()
