import a; import b
x = 1; y = 2;
if x: y = 1; z = 2
while x: x -= 1
for i in r: print(i); continue
with a: pass
try: pass
except E: pass
finally: pass
class A: x = 1; y = 2
def f(): return 1;
if x: pass
elif y: pass
else: pass
