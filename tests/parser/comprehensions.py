a = [x for x in y]
b = [x for x in y if x if not x]
c = [(x, y) for x in a for y in b if x != y]
d = {x for x in y}
e = {k: v for k, v in d.items()}
f = (x for x in y)
g = list(x for x in y)
h = sum(x * x for x in range(10) if x % 2)
i = [[y for y in x] for x in z]
j = [x for x, in y]
k = [x for *x, y in z]
l = [y := f(x) for x in z]
m = [x for x in (y := [1, 2])] if 0 else 0
n = {(yield): 1} if 0 else {k: v for k in a for v in b}
o = [lambda: x for x in y]
p = [x if x else y for x in z]
q = [x for x in (lambda: y)()]
r = [x for x in a if (b := x)]
