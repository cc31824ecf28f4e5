# float() and tuple() take no keywords, but a subclass with its own
# __init__ may be called with keywords meant for that __init__.
for base in (float, tuple):
    argument = 2.5 if base is float else [1, 2]
    try:
        base(x=argument)
    except TypeError as error:
        print(type(error).__name__, error)

    class Plain(base):
        pass
    try:
        Plain(argument, extra=3)
    except TypeError as error:
        print(type(error).__name__, error)

    class WithInit(base):
        def __init__(self, value, extra=None):
            self.extra = extra
    made = WithInit(argument, extra=3)
    print(type(made).__name__, base(made), made.extra)

    class WithNew(base):
        def __new__(cls, value, extra=None):
            self = super().__new__(cls, value)
            self.extra = extra
            return self
    made = WithNew(argument, extra=4)
    print(type(made).__name__, base(made), made.extra)
