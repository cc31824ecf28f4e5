def numbers():
    yield 1
    raise StopIteration("early")

print_total = sum(numbers())
