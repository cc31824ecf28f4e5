# The order of set displays. `{c1, c2, ...}` of three or more constants is
# compiled to a frozenset constant, which CPython's compiler builds from the
# source order and then again from that set's own order; SET_UPDATE then
# copies it into the new set. Displays with variables add in source order.
print({9, 1, 17, 25, 33, 2, 10})
print({33, 25, 17, 9, 1})
print({-1, -2, 7, 15, 23})
print({'spam!', 'eggs!', 'ham!', 'toast!', 'jam!', 'tea!', 'milk!', 'rye!'})
print({'apple', 'banana', 'cherry', 'fig', 'elder', 'iota'})
print({'ab cd', 'x-y', '1 2 3', '?', '!!', 'a.b', 'c,d', '...', ';'})
print({(1, 2), (3, 4), (5, 6), (1, 3)})
print({1.5, 2.5, 0.5, 8.0, 16.0})
a, b, c, d, e, f = 'spam!', 'eggs!', 'ham!', 'toast!', 'jam!', 'tea!'
print({a, b, c, d, e, f}, {f, e, d, c, b, a})
print({1, 2}, {'x!', 'y!'}, {*range(5), 40, 8}, {*'hello', *'world'})
print(frozenset({'spam!', 'eggs!', 'ham!', 'toast!', 'jam!', 'tea!', 'milk!', 'rye!'}))
print(set(['spam!', 'eggs!', 'ham!', 'toast!', 'jam!', 'tea!', 'milk!', 'rye!']))
print('ham!' in {'spam!', 'eggs!', 'ham!'}, 4 in {1, 2, 3}, (1, 2) in {(1, 2), (3, 4), 5})
print({x * 7 for x in range(12)}, {str(x) + '!' for x in range(10)})
