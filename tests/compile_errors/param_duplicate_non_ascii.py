def f(été, b, été):
    pass
