_ = __ = ___ = 1
_private, __mangled, __dunder__ = 1, 2, 3
x1, x_1, X, xY = 1, 2, 3, 4
Async, Await, async_, await_ = 1, 2, 3, 4
print_ = exec_ = None
nonlocal_x = None
True_, None_ = 1, 2
class __Foo__:
    def __init__(self): self.__x = 1
