lambda: (yield)
class C:
    return 1
