# Frames and tracebacks: sys._getframe, f_* and tb_* attributes.
import sys


def inner(a):
    frame = sys._getframe()
    caller = sys._getframe(1)
    local_copy = dict(frame.f_locals)
    return (frame.f_code.co_name, caller.f_code.co_name, frame.f_back is caller, sorted(local_copy),
            caller.f_lineno, caller.f_lasti, frame.f_globals is globals(), frame.f_builtins is __builtins__.__dict__
            if hasattr(__builtins__, '__dict__') else frame.f_builtins is __builtins__)


def outer():
    x = 1
    return inner(x)


print(outer())


def chain():
    names = []
    frame = sys._getframe()
    while frame is not None:
        names.append(frame.f_code.co_name)
        frame = frame.f_back
    return names


def level2():
    return chain()


print(level2())
try:
    sys._getframe(1000)
except ValueError as e:
    print('ValueError', e)

frame = sys._getframe()
print(frame.f_trace, frame.f_trace_lines, frame.f_trace_opcodes, frame.f_locals is globals())
try:
    frame.clear()
except RuntimeError as e:
    print('RuntimeError', e)


def cell_user(p):
    q = p * 2

    def reader():
        return p + q
    return sys._getframe().f_locals, reader


snapshot, reader = cell_user(5)
print(sorted(snapshot.items(), key=lambda item: item[0])[:2], reader())


def failing(n):
    values = [n]
    return values[n]


def calls_failing():
    return failing(3)


try:
    calls_failing()
except IndexError as e:
    tb = e.__traceback__
    while tb is not None:
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_lasti)
        tb = tb.tb_next


def finished():
    return sys._getframe()


done = finished()
print(done.f_code.co_name, done.f_back is not None)
done.clear()
print('cleared')
