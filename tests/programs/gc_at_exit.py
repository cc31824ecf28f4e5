# Cycles still alive at exit are collected after __main__ is cleared (CPython's finalize_modules), even with the collector disabled.
import gc
gc.disable()
class A:
    def __del__(self): print("del", self.n)
a = A(); a.n = 1; a.me = a
b = A(); b.n = 2; b.me = b
del b
print("end")
