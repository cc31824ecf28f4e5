def g():
    yield 1
    return 'done'
print(list(g()), [x for x in g()], sum(1 for _ in g()))
it = g(); next(it)
try: next(it)
except StopIteration as e: print('stop', e.value, e.args)
it = g(); next(it); print(next(it, 'dflt'))
def d():
    r = yield from g()
    print('delegated got', r)
    yield 2
print(list(d()))
try: next(iter([]))
except StopIteration as e: print('empty', e.args)
