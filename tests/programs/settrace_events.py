# sys.settrace / sys.setprofile event sequences (CPython 3.11 rules).
import sys

events = []

def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if name in ('tracer', 'profiler'):
        return None
    shown = arg
    if event == 'exception':
        shown = (arg[0].__name__, str(arg[1]))
    elif event in ('c_call', 'c_return', 'c_exception'):
        shown = getattr(arg, '__name__', '?')
    events.append((event, name, frame.f_lineno - frame.f_code.co_firstlineno, shown))
    return tracer

def show(title):
    print(title)
    for event in events:
        print('   ', *event)
    events.clear()

def simple(a, b):
    c = a + b
    return c * 2

def loop(n):
    total = 0
    for i in range(n):
        total += i
    while n > 0:
        n -= 1
    return total

def gen(n):
    for i in range(n):
        yield i
    return

def failing(x):
    if x:
        raise ValueError('bad %d' % x)
    return x

def catching():
    try:
        failing(3)
    except ValueError as e:
        return str(e)
    finally:
        pass

def outer():
    return simple(1, 2) + simple(3, 4)

def comprehension(n):
    return [i * i for i in range(n) if i % 2]

sys.settrace(tracer)
simple(1, 2)
sys.settrace(None)
show('simple')

sys.settrace(tracer)
loop(3)
sys.settrace(None)
show('loop')

sys.settrace(tracer)
for value in gen(2):
    pass
sys.settrace(None)
show('generator')

sys.settrace(tracer)
catching()
sys.settrace(None)
show('exception caught')

sys.settrace(tracer)
try:
    failing(5)
except ValueError:
    pass
sys.settrace(None)
show('exception escaping')

sys.settrace(tracer)
outer()
comprehension(4)
sys.settrace(None)
show('nested calls')

# A global trace function returning None: only "call" events.
def call_only(frame, event, arg):
    events.append((event, frame.f_code.co_name, 0, None))
    return None

sys.settrace(call_only)
outer()
sys.settrace(None)
show('call only')

# f_trace_opcodes: an "opcode" event per instruction (PRECALL and CALL both count).
def opcodes(frame, event, arg):
    if frame.f_code.co_name != 'simple':
        return None
    frame.f_trace_opcodes = True
    events.append((event, frame.f_code.co_name, frame.f_lasti, None))
    return opcodes

sys.settrace(opcodes)
simple(2, 3)
sys.settrace(None)
show('opcodes')

# f_trace_lines = False: no line events.
def no_lines(frame, event, arg):
    frame.f_trace_lines = False
    events.append((event, frame.f_code.co_name, 0, None))
    return no_lines

sys.settrace(no_lines)
simple(2, 3)
sys.settrace(None)
show('no lines')

# gettrace / getprofile.
print(sys.gettrace() is None, sys.getprofile() is None)
sys.settrace(tracer)
print(sys.gettrace() is tracer)
sys.settrace(None)
print(sys.gettrace())

# A trace function that raises: the error propagates and tracing stops.
def raising(frame, event, arg):
    if event == 'line':
        raise RuntimeError('from tracer')
    return raising

sys.settrace(raising)
try:
    simple(1, 1)
except RuntimeError as e:
    print('caught', e)
print('trace after error:', sys.gettrace())

# setprofile: call/return and c_call/c_return/c_exception, no line events.
def profiler(frame, event, arg):
    tracer(frame, event, arg)

def uses_builtins(items):
    items.append(len(items))
    try:
        int('x')
    except ValueError:
        pass
    return sorted(items)

sys.setprofile(profiler)
uses_builtins([3, 1])
sys.setprofile(None)
show('profile')

# f_locals in a trace function; frame.f_back.
def watcher(frame, event, arg):
    if frame.f_code.co_name == 'simple' and event in ('line', 'return'):
        events.append((event, sorted(frame.f_locals.items()), frame.f_back.f_code.co_name, arg))
    return watcher

sys.settrace(watcher)
simple(10, 20)
sys.settrace(None)
show('locals')
