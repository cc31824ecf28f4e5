# try/except/else/finally, raise from, chaining, context, re-raise, custom exceptions.
class MyError(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code

def risky(n):
    if n == 0:
        raise MyError(42)
    if n == 1:
        return 1 / 0
    return n

for n in range(3):
    try:
        result = risky(n)
    except MyError as e:
        print("MyError", e, e.code, e.args)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    else:
        print("no error", result)
    finally:
        print("finally", n)

try:
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("converted") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)

try:
    try:
        [][1]
    except IndexError:
        raise TypeError("during")
except TypeError as e:
    print(repr(e), repr(e.__context__), e.__cause__)

def reraiser():
    try:
        int("x")
    except ValueError:
        print("handling")
        raise

try:
    reraiser()
except ValueError as e:
    print("reraised:", e)

def finally_return():
    try:
        return "try"
    finally:
        print("finally runs before return")

print(finally_return())

def finally_overrides():
    try:
        raise KeyError("lost")
    finally:
        return "finally wins"

print(finally_overrides())

try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)

e = Exception("a", 1)
print(e.args, str(e), repr(e), str(Exception()), repr(Exception("x")))
print(str(KeyError("k")), repr(KeyError("k")), str(KeyError()))
e.add_note("a note")
print(e.__notes__)
try:
    raise ValueError
except ValueError as err:
    print(repr(err), err.__traceback__ is not None)
print(issubclass(KeyError, LookupError), isinstance(ZeroDivisionError(), ArithmeticError))
try:
    raise 5
except TypeError as e:
    print("TypeError:", e)
try:
    try:
        pass
    except 5:
        pass
    1/0
except ZeroDivisionError as e:
    print("ok", e)
def nested():
    try:
        raise ValueError("inner")
    except ValueError:
        try:
            raise KeyError("second")
        except KeyError as k:
            return repr(k.__context__)
print(nested())
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("loop finally", i)
try:
    assert 1 == 2, "not equal"
except AssertionError as e:
    print("AssertionError:", e)
