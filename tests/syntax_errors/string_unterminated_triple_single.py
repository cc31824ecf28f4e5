def f():
    '''doc
    more
