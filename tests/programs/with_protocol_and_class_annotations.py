# with: CPython 3.11's message when only __exit__ is missing; class __annotations__
# made empty on first read, set and deleted.
class LacksExit:
    def __enter__(self): pass
class LacksEnter:
    def __exit__(self, *a): pass
for c in (LacksExit, LacksEnter, int):
    try:
        with c(): pass
    except Exception as e: print(type(e).__name__, e)
class C: pass
print(C.__annotations__, '__annotations__' in C.__dict__)
class D:
    x: int
print(D.__annotations__, C.__annotations__ is C.__annotations__)
class E(D): pass
print(E.__annotations__)
C.__annotations__ = {'a': 1}
print(C.__annotations__)
del C.__annotations__
print('__annotations__' in C.__dict__)
try:
    del C.__annotations__
except AttributeError as e:
    print("AttributeError", e)
for t in (int, type):
    try: t.__annotations__
    except AttributeError as e: print(e)
try: int.__annotations__ = {}
except TypeError as e: print(e)
