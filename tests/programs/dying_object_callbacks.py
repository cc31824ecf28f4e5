# Weak-reference callbacks and __del__ that run the collector, or grow a
# bytearray/str past what memory allows, must not crash the interpreter.
import gc, weakref
class Obj:
    def __init__(self, n): self.n = n
class WithDel(Obj):
    def __del__(self): pass
x = WithDel(1)
seen = []
r = weakref.ref(x, lambda ref: (gc.collect(), seen.append(ref() is None)))
del x
gc.collect()
print("callback ran", seen)
y = Obj(2)
r2 = weakref.ref(y, lambda ref: gc.collect())
y.self = y
del y
print("collected", gc.collect() >= 0)
class Boom:
    def __index__(self):
        b.clear()
        return 0
b = bytearray(b"Now you see me...")
try:
    b[0] = Boom()
except IndexError as e:
    print(type(e).__name__, e)
import sys
for ch in "a\xe9\u20ac\U0010ffff":
    try:
        ch * (sys.maxsize // 4)
    except (MemoryError, OverflowError) as e:
        print(ch == ch, type(e).__name__)
