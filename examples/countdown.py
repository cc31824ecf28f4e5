"""What `garter FILE` runs today: functions, loops and integer arithmetic."""


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def factorial(n):
    result = 1
    while n > 1:
        result = result * n
        n -= 1
    return result


print("fib(25) =", fib(25))
print("30! =", factorial(30))
