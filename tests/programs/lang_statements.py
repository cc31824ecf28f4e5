# Unpacking, del, chained assignment, augmented assignment on attributes/subscripts, loops with else, with, assert.
a = b = [1, 2]
a.append(3)
print(a, b, a is b)
x, (y, z), *rest = 1, (2, 3), 4, 5
print(x, y, z, rest)
first, *middle, last = "hello"
print(first, middle, last)
try:
    p, q = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    p, q, r = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    p, q = 5
except TypeError as e:
    print("TypeError:", e)
d = {"k": [1]}
d["k"][0] += 10
d["n"] = d.get("n", 0) + 1
print(d)
class O: pass
o = O(); o.v = 1; o.v *= 7
print(o.v)
lst = list(range(10))
del lst[2], lst[-1]
del lst[1:3]
print(lst)
del o.v
print(hasattr(o, "v"))
for i in range(3):
    if i == 5:
        break
else:
    print("loop else ran")
n = 0
while n < 3:
    n += 1
else:
    print("while else", n)
for i in range(3):
    for j in range(3):
        if j == 1:
            break
    else:
        print("never")
print(i, j)
s = 0
for k, v in enumerate("abc", start=1):
    s += k
print(s, list(zip("ab", [1, 2], (True, False))), dict(zip("xy", range(2))))
x = 5
del x
try:
    x
except NameError as e:
    print("NameError:", e)
t = 1, 2,
print(t, (), (1,), [*range(3), *"ab"], {**{"a": 1}, "b": 2}, {*"aa"})
print(f"{3.14159:.2f}|{42:>5}|{'x':*^5}|{255:#x}|{1e10:g}|{'q'!r}|{'nested ' + str(1)}")
val = 7
print(f"{val=}", f"{val + 1 = }", f"{{literal}}")
if (walrus := 10) > 5:
    print("walrus", walrus)
print([y := 1, y ** 2])
print(not None, None is None, type(None).__name__, ... is Ellipsis)
