f()
f(a)
f(a, b)
f(a, b=1)
f(*a)
f(**a)
f(a, *b, c, **d)
f(a)(b)[c].d
f(x for x in y)
f(a=1, *b)
f(*a, b=1, *c, **d, e=2)
f(a,)
f(
    a,
    b=2,
)
x[1]
x[1:2]
x[1:2:3]
x[:]
x[::]
x[1:]
x[:2]
x[::3]
x[a, b]
x[a:b, c]
x[a, b:c, ...]
x[(a, b)]
x[-1]
x[lambda: 1]
x[y := 1]
x[*a, b]
