def g():
    a = yield = 1
