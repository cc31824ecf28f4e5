import copy, pickle
class P:
    def __init__(self, x): self.x = x; self.items = [x]
p = P(3)
q = copy.copy(p); r = copy.deepcopy(p)
print(q.x, q.items is p.items, r.items is p.items, r.items)
class S:
    __slots__ = ('a', 'b')
    def __init__(self): self.a = 1
s = copy.copy(S()); print(s.a, hasattr(s, 'b'))
class L(list): pass
l = L([1, 2]); l.tag = 't'; m = copy.copy(l); print(m, type(m).__name__, m.tag)
class D(dict): pass
d = D(a=1); print(copy.deepcopy(d), type(copy.copy(d)).__name__)
print(P(1).__reduce_ex__(2)[0].__name__, P(1).__reduce_ex__(2)[1][0].__name__, P(5).__reduce_ex__(2)[2])
print(object().__reduce_ex__(2)[1], object().__getstate__())
data = pickle.dumps(p); print(pickle.loads(data).items)
import threading
try: copy.copy(threading.Lock())
except TypeError as e: print(e)
from collections import namedtuple
T = namedtuple('T', 'a b'); print(copy.copy(T(1, 2)), pickle.loads(pickle.dumps(T(3, 4))))
