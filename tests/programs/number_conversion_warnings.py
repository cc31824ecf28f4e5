# int()/float() of buffers, and the DeprecationWarnings of CPython 3.11:
# __int__/__float__ returning a strict subclass, int() delegating to __trunc__.
import warnings

print(int(memoryview(b"123")[1:3]), int(memoryview(b"1234")[1:3]), float(memoryview(b"12.5")[1:]))
print(int(bytearray(b"42")), int(memoryview(b" 7 ")))
try:
    int(memoryview(b"7"), 16)
except TypeError as error:
    print(type(error).__name__, error)
try:
    int(memoryview(b"12x"))
except ValueError as error:
    print(type(error).__name__, error)

class MyInt(int):
    pass

class MyFloat(float):
    pass

class GivesMyInt:
    def __int__(self):
        return MyInt(7)

class GivesBool:
    def __int__(self):
        return True

class GivesMyFloat:
    def __float__(self):
        return MyFloat(1.5)

class JustTrunc:
    def __trunc__(self):
        return 42

class TruncGivesMyInt:
    def __trunc__(self):
        return MyInt(5)

def show(function, value):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = function(value)
    print(function.__name__, type(value).__name__, "->", type(result).__name__, result,
          [(w.category.__name__, str(w.message)) for w in caught])

show(int, GivesMyInt())
show(int, GivesBool())
show(float, GivesMyFloat())
show(int, JustTrunc())
show(int, TruncGivesMyInt())
show(int, MyInt(3))
show(float, MyFloat(2.5))

with warnings.catch_warnings():
    warnings.simplefilter("error")
    for function, value in ((int, GivesMyInt()), (float, GivesMyFloat()), (int, JustTrunc())):
        try:
            function(value)
        except DeprecationWarning as error:
            print(type(error).__name__, error)

# __index__ must return an int: a bool (strict subclass) is deprecated, a
# str is an error, wherever an index is taken.
import operator

class IndexGivesBool:
    def __index__(self):
        return True

class IndexGivesStr:
    def __index__(self):
        return "x"

for convert in (operator.index, int, lambda value: [10, 20, 30][value], lambda value: "abc"[value:]):
    for value in (IndexGivesBool(), IndexGivesStr()):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                result = convert(value)
                print(type(result).__name__, result, end=" ")
            except TypeError as error:
                print(type(error).__name__, error, end=" ")
        print([w.category.__name__ for w in caught])

# A str subclass with __float__ converts through it; one without parses.
class FooStr(str):
    def __float__(self):
        return float(str(self)) + 1

class PlainStr(str):
    pass

print(float(FooStr("8")), float(PlainStr(" 2.5 ")), float("1e3"))
