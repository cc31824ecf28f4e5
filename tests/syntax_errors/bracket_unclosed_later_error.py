f(a, b

x = 1 = 2
