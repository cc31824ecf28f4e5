# marshal of code objects: round trips keep every field and still run.
import marshal


def sample(a, b=2, *args, c, **kw):
    total = a + b
    for item in args:
        total += item
    try:
        return total / c, kw
    except ZeroDivisionError:
        return None


def closure(x):
    def inner(y):
        return x + y
    return inner


code = sample.__code__
data = marshal.dumps(code)
again = marshal.loads(data)
print(type(again).__name__, again == code, hash(again) == hash(code))
fields = ['co_argcount', 'co_posonlyargcount', 'co_kwonlyargcount', 'co_nlocals', 'co_stacksize', 'co_flags',
          'co_code', 'co_consts', 'co_names', 'co_varnames', 'co_cellvars', 'co_freevars', 'co_filename',
          'co_name', 'co_qualname', 'co_firstlineno', 'co_linetable', 'co_exceptiontable']
for field in fields:
    print(field, getattr(again, field) == getattr(code, field))
print(list(again.co_lines()) == list(code.co_lines()))
print(list(again.co_positions()) == list(code.co_positions()))

inner_code = closure.__code__
back = marshal.loads(marshal.dumps(inner_code))
print(back.co_cellvars, back.co_consts[1].co_freevars, back.co_consts[1].co_name)

source = '''
total = 0
for i in range(5):
    if i % 2:
        total += i
def twice(v):
    return [v, v]
print("module code", total, twice(total))
'''
module_code = compile(source, '<marshalled>', 'exec')
loaded = marshal.loads(marshal.dumps(module_code))
print(loaded == module_code, loaded.co_filename)
exec(loaded, {})
print(marshal.loads(marshal.dumps([module_code, module_code]))[1] is not None)
