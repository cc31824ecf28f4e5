r=range(0,10,3)
print(r.__reduce__(), iter(r).__reduce__(), iter(r).__length_hint__(), list(reversed(r)))
it=iter(r); next(it); print(it.__reduce__()); it.__setstate__(2); print(list(it))
print(type(iter(range(1<<70))).__name__, type(reversed(range(1<<70))).__name__, type(iter(range(5))).__name__)
try: len(range(1<<70))
except OverflowError as e: print(e)
try: range(3)[1<<70]
except IndexError as e: print(e)
try: range(3)['a']
except TypeError as e: print(e)
print(range(1<<70)[-1], range(1<<70)[1:1<<69:3], bool(range(1<<70)), 1<<69 in range(1<<70), range(10).index(3))
try: range(10).index(11)
except ValueError as e: print(e)
try: range(10).index('a')
except ValueError as e: print(e)
print(range(10).count(3.0), 3.0 in range(10), range(0) == range(5,2), hash(range(0))==hash(range(3,3)))
it=iter(range(1<<70, (1<<70)+3)); print(it.__length_hint__(), list(it), it.__reduce__())
print(range(-5, 5, 2)[::-1], range(10)[2:8:2], range(10)[-100:100], range(10)[::-3], list(range(10)[5:1:-1]))
print(hash(range(10)) == hash(range(0, 10, 1)), range(1, 2, 5) == range(1, 3, 7), -3 in range(-5, 5, 2), 4 in range(-5,5,2))
print(list(range(-2**63, -2**63+3)), list(range(2**63-3, 2**63)), len(range(-2**63, 2**63-1, 2**62)))
print(list(range(2**63-3, 2**63+2)), list(range(5, -5, -3)), list(reversed(range(5, -5, -3))))
print(range(True), range(False, 5, True), repr(range(3, 10, -1)), list(range(3,10,-1)))
for bad in [lambda: range(), lambda: range(1,2,3,4), lambda: range(1.5), lambda: range(1, 2, 0), lambda: range(x=1)]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
class I:
    def __index__(self): return 7
print(range(I()), range(10)[I()], range(20)[I():I().__index__()*2], I() in range(10))
print(sum(range(10**6)), max(range(-3, 3)))
import sys
print(range(sys.maxsize)[-1], range(-sys.maxsize-1, sys.maxsize)[-1])
