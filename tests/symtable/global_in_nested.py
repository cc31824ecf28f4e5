# A global declaration in an enclosing function is seen by nested functions.
def f():
    global g1

    def inner():
        return g1          # implicitly global, through f's declaration

    class C:
        def m(self):
            return g1

    return inner, C


def g():
    g1 = 1                 # a local again

    def inner():
        return g1          # free: g's local
    return inner
