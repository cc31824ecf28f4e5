a = 1 + 2 - 3 * 4 / 5 // 6 % 7 ** 8 @ m
b = x << 1 >> 2 & 3 | 4 ^ 5
c = -x + +y - ~z
d = not a and b or not c
e = a < b <= c > d >= e == f != g is h is not i in j not in k
f = 2 ** -1 ** 2
g = -2 ** 2
h = (a or b) and (c or d) or e and f
i = a if b else c if d else e
j = lambda: 0
k = lambda x, y=1, *a, z, w=2, **kw: x
l = lambda *, a: a
m = lambda a, /, b: a
n = a.b.c.d
o = a[1][2:3][::2][1:2:3, ...][:, None]
p = f(a)(b)(c)
q = a @ b @ c
r = x[a:b, c:d]
s = x[()]
t = x[1,]
u = x[*a]
v = await_ = 1
w = (yield_ := 3)
x = a ** b ** c
y = not not x
z = a < (b < c)
