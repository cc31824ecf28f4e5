if a:
    pass
elif b:
    pass
elif c:
    x = 1
else:
    y = 2
while x:
    break
else:
    continue_ = 1
for i in range(10):
    if i % 2:
        continue
    elif i > 5:
        break
else:
    done = True
for x in a, b: pass
for x in *a, *b: pass
while 1: pass
if x: pass
else: pass
if x: a; b; c
for i in x: a = 1; b = 2;
