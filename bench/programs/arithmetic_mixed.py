# Integer and float arithmetic mixed in one loop, with globals.
total = 0
scale = 0.5
i = 0
while i < 3000000:
    total = total + i * 3 - (i - 1) * 2
    scale = scale * 1.0000001 + 0.25
    i += 1
print(total, scale > 1)
