f = lambda a, b, a: 0
