# a | b where b's class is a subclass of a's: b.__ror__ goes first only when the subclass overrides it.


class Base:
    def __init__(self, name):
        self.name = name

    def __or__(self, other):
        return 'Base.__or__(%s, %s)' % (self.name, other.name)

    def __ror__(self, other):
        return 'Base.__ror__(%s, %s)' % (self.name, other.name)


class Inherits(Base):
    pass


class Overrides(Base):
    def __ror__(self, other):
        return 'Overrides.__ror__(%s, %s)' % (self.name, other.name)


class Declines(Base):
    def __ror__(self, other):
        return NotImplemented


b, i, o, d = Base('b'), Inherits('i'), Overrides('o'), Declines('d')
print(b | i)
print(b | o)
print(b | d)
print(i | b)
print(i | o)

from collections import ChainMap


class Sub(ChainMap):
    pass


class SubRor(ChainMap):
    def __ror__(self, other):
        return super().__ror__(other)


print(type(ChainMap() | Sub()).__name__, type(Sub() | ChainMap()).__name__)
print(type(ChainMap() | SubRor()).__name__, type(SubRor() | ChainMap()).__name__)
