def f():
    @decorator
