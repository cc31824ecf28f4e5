# Free names pass through intermediate functions that never mention them.
def outer():
    a = 1
    b = 2

    def middle():
        c = 3

        def inner():
            return a + b + c

        return inner

    def other():
        def innermost():
            return a
        return innermost

    return middle, other


def shadow():
    x = 1

    def f():
        x = 2          # a new local, not the outer x

        def g():
            return x   # g closes over f's x
        return g
    return f, x
