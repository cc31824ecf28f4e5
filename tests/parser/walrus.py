if (n := len(a)) > 10:
    pass
while chunk := f.read(10):
    pass
print(x := 1, y := 2)
f(a, b=(c := 1))
[y := 1, y ** 2]
{(z := 1): 2}
x = (y := 1)
foo(x := 3, cat='vector')
def f(a=(b := 1)): pass
lambda: (x := 1)
a[b := 1]
a[(b := 1):2]
{x := 1, 2}
assert (x := 1)
(x := 1), (y := 2)
