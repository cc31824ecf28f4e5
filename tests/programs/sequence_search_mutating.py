# list.remove/index/count hold each item while __eq__ runs (it may mutate
# the list), and list/tuple.index take start/stop like slice bounds.
class Clearing:
    def __init__(self, target):
        self.target = target
    def __eq__(self, other):
        self.target.clear()
        return False

items = [object(), object(), object()]
items.append(Clearing(items))
print(items.count(1), len(items))

items = [object(), object()]
items.insert(0, Clearing(items))
try:
    items.remove(5)
except ValueError as error:
    print(type(error).__name__, error)
print(len(items))

items = [Clearing(None), 1]
items[0].target = items
try:
    print(items.index(2))
except ValueError as error:
    print(type(error).__name__, error)

class Equal:
    def __init__(self, target):
        self.target = target
    def __eq__(self, other):
        self.target.clear()
        return True

items = [1, 2, 3]
items.append(Equal(items))
items.reverse()
items.remove(7)   # equal, but __eq__ emptied the list
print(items)

u = (0, 1, 0, 1, 2)
print(u.index(0), u.index(0, 1), u.index(0, 3) if 0 in u[3:] else "absent", u.index(1, -2), u.index(2, -10, 10))
print(u.index(1, 0, 2**100), u.index(0, -2**100))
for args in [(0, 3, 4), (0, 4), (2, 0, 4), (5,)]:
    try:
        print(u.index(*args))
    except ValueError as error:
        print(type(error).__name__, error)
v = [0, 1, 0, 1, 2]
print(v.index(1, 2), v.index(2, -1), v.index(0, 1, 2**70), v.index(0, -2**70))
for args in [(0, 3, 4), (1, "a")]:
    try:
        print(v.index(*args))
    except (ValueError, TypeError) as error:
        print(type(error).__name__, error)
try:
    u.index(0, "a")
except TypeError as error:
    print(type(error).__name__, error)
