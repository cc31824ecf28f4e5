counter = 0
def outer():
    global counter
    counter += 1
    x = 1
    def inner():
        nonlocal x
        global y, z
        x += 1
        def innermost():
            nonlocal x
            return x
        return innermost
    return inner
class K:
    global q
    q = 1
