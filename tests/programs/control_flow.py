# if/elif/else, while with break, continue and else, and/or, conditional expressions.
i = 0
found = None
while i < 20:
    i += 1
    if i % 2 == 0 if False else i > 100:
        continue
    if i == 5:
        found = i
        break
else:
    print("no break")
print(i, found)
j = 0
while j < 3:
    j += 1
else:
    print("loop ended normally", j)
x = 4
if x < 3:
    print("small")
elif x < 10:
    print("medium")
else:
    print("large")
print(x and 0, x or 0, 0 or None, 1 and 2 and 3, 0 and undefined_never_read)
print("yes" if x > 3 else "no")
