x = 1 + \
    2 + \
        3
if a and \
   b:
    pass
y = [1,
  2,
      3,
]
z = {
    'a': 1,  # comment
    # comment line
    'b': 2,
}
def f(a,
        b, # trailing
    c):
    return (a +
b)
s = '''line 1
line 2'''
t = ('a'
     'b')
assert x, \
    'msg'
w = \
    5
