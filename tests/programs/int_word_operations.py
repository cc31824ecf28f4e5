# Two word-sized ints through // % & | ^ >> << / and //= at the edges of the word (the inline fast paths).
vals = [0, 1, -1, 7, -7, 2 ** 62, -(2 ** 62), 9223372036854775807, -9223372036854775808, 3, 64, 63, 100, -100]
out = []
for a in vals:
    for b in vals:
        row = []
        for f in [lambda: a // b, lambda: a % b, lambda: a & b, lambda: a | b, lambda: a ^ b, lambda: a >> b, lambda: a << b if b < 200 else 0, lambda: a / b, lambda: float(a) / float(b) if b else 0]:
            try:
                row.append(f())
            except Exception as e:
                row.append(type(e).__name__)
        x = a
        try:
            x //= b
        except ZeroDivisionError:
            x = "z"
        row.append(x)
        out.append(row)
print(len(out), hash(str(out)) == hash(str(out)))
for row in out:
    print(row)
