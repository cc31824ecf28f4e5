# super() and __class__ in methods make the class create a __class__ cell.
class Base:
    def hello(self):
        return "base"


class Child(Base):
    def hello(self):
        return super().hello()

    def explicit(self):
        return __class__

    def nested(self):
        def helper():
            return super()       # helper names super too
        return helper

    @staticmethod
    def no_super():
        return 1

    comprehension = [super for _ in range(1)]


class NoCell:
    def plain(self):
        return self


def not_a_method():
    return super()           # __class__ free, with no class to provide it
