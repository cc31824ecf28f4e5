# Functions, recursion, globals and locals.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def countdown(n):
    steps = 0
    while n > 0:
        n -= 1
        steps += 1
    return steps


counter = 0


def bump():
    global counter
    counter = counter + 1
    return counter


print(fib(15), countdown(1000))
bump()
bump()
print(counter, bump())
