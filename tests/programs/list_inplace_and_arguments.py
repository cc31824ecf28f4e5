# list *= n works in place; argument checks of clear/copy/reverse; list
# subclasses with their own __new__ may take keywords.
items = [1, 2]
alias = items
items *= 3
print(items, items is alias)
items *= 1
print(items is alias, len(items))
items *= 0
print(items, items is alias)
items = [1]
items *= -2
print(items)
items = [[]]
items *= 2
print(items[0] is items[1])
try:
    items *= "x"
except TypeError as error:
    print(type(error).__name__, error)
try:
    items *= 2**64
except (MemoryError, OverflowError) as error:
    print(type(error).__name__, error)
big = [0, 1]
try:
    big *= 2**62
except (MemoryError, OverflowError) as error:
    print(type(error).__name__, error)
print(big)

for method in ([].clear, [].copy, [].reverse):
    try:
        method(None)
    except TypeError as error:
        print(type(error).__name__, error)

class WithNew(list):
    def __new__(cls, value, extra=None):
        self = super().__new__(cls, value)
        self.extra = extra
        return self
made = WithNew([1, 2], extra=3)
print(made, made.extra)

class WithInit(list):
    def __init__(self, value, extra=None):
        super().__init__(value)
        self.extra = extra
made = WithInit([3], extra=4)
print(made, made.extra)

class Plain(list):
    pass
for call in (lambda: Plain([1], extra=1), lambda: list(x=1)):
    try:
        call()
    except TypeError as error:
        print(type(error).__name__, error)
