import os

def f(a,
      b):
    s = '''one
two'''
    return a + \
        b

class C:
    x = [1,
         2]
