# Code objects: CPython 3.11's co_* attributes and values.


def plain(a, b):
    c = a + b
    return c * 2


def flags(a, /, b, *args, c, d=1, **kw):
    yield a


async def coroutine():
    return 1


def loops(n):
    total = 0
    for i in range(n):
        if i % 3 == 0:
            continue
        total += i
    while total > 100:
        total //= 2
    return total


def handlers(x):
    try:
        return 1 / x
    except ZeroDivisionError as e:
        return str(e)
    finally:
        x = None


def big(x):
    return (x, 'long argument list', [1, 2, 3], {'a': 1}, x.attribute.other, x(1, 2, key=3),
            -x, x ** 2, x[1:2], f"{x!r:>10}")


for function in (plain, flags, coroutine, loops, handlers, big):
    code = function.__code__
    print(code.co_name, code.co_qualname, code.co_firstlineno)
    print('   counts', code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount, code.co_nlocals,
          code.co_stacksize, hex(code.co_flags))
    print('   names', code.co_varnames, code.co_names, code.co_cellvars, code.co_freevars)
    print('   consts', code.co_consts)
    print('   code', code.co_code)
    print('   linetable', code.co_linetable)
    print('   exceptiontable', code.co_exceptiontable)
    print('   lnotab', code.co_lnotab)
    print('   lines', list(code.co_lines()))
    print('   positions', list(code.co_positions())[:8])
    print('   varname', [code._varname_from_oparg(i) for i in range(len(code.co_varnames))])

code = plain.__code__
renamed = code.replace(co_name='renamed', co_firstlineno=100)
print(renamed.co_name, renamed.co_firstlineno, renamed.co_code == code.co_code, renamed == code)
print(code.replace() == code, hash(code.replace()) == hash(code))
print(code == loops.__code__, code != loops.__code__)
module = compile('print(1 + 2)', '<replace>', 'exec')
print(module.co_consts)
exec(module.replace(co_consts=(40, None)))
try:
    code.replace(co_name=1)
except TypeError as e:
    print('TypeError', e)
try:
    code.replace(bogus=1)
except TypeError as e:
    print('TypeError', e)
try:
    code._varname_from_oparg(50)
except IndexError as e:
    print('IndexError', e)
