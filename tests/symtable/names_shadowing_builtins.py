# Builtins are implicit globals; rebinding one makes it local.
def f():
    return len([]), print


def g():
    len = lambda x: 0
    return len([])


def h():
    def len(x):
        return 0
    return len


class C:
    list = list
    dict = {}

    def m(self):
        return list, dict
