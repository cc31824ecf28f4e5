# Private names (`__x`) are mangled inside a class body and everything
# nested in it; dunders and dotted names are not.
class Account:
    __count = 0
    __dunder__ = 1

    def __init__(self, __secret, *__args, **__kwargs):
        self.__secret = __secret
        __local = __secret
        Account.__count += 1

        def __helper(__x=__local):
            return __x, __local
        self.helper = __helper

    def __repr__(self):
        global __registry
        import __hidden.module
        return [__item for __item in __registry], __hidden

    class __Inner:
        __deep = 1

        def m(self):
            return __deep

    lambda_ = lambda __p: __p


class _:
    __not_mangled = 1          # the class name is all underscores


class __Leading:
    __x = 1                    # mangled with the underscores stripped: _Leading__x


def outside():
    __plain = 1                # no class: no mangling
    return __plain
