# del and augmented assignment bind the name (DEF_LOCAL) without using it.
counter = 0
counter += 1


def f():
    value = 1
    del value
    total += 1              # local, so UnboundLocalError at run time
    return total


def g(items):
    del items[0], items.attr
    x, (y, *z) = items
    del x, (y, z)


def closure():
    victim = 1

    def inner():
        nonlocal victim
        del victim
    return inner
