# Setting __context__ when the handled exception's context chain already
# has a cycle must not loop forever (Floyd's check, as CPython's).
def cycle():
    try:
        raise ValueError(1)
    except ValueError as ex:
        ex.__context__ = ex
        raise TypeError(2)


try:
    cycle()
except Exception as e:
    exc = e
print(type(exc).__name__, type(exc.__context__).__name__, exc.__context__.__context__ is exc.__context__)


def longer_cycle():
    a, b, c = KeyError("a"), KeyError("b"), KeyError("c")
    a.__context__ = b
    b.__context__ = c
    c.__context__ = b
    try:
        raise a
    except KeyError:
        raise IndexError("top")


try:
    longer_cycle()
except IndexError as e:
    print(e.__context__, e.__context__.__context__, e.__context__.__context__.__context__)


def reraise_in_chain():
    try:
        try:
            raise ValueError("inner")
        except ValueError as inner:
            try:
                raise KeyError("middle")
            except KeyError:
                raise inner
    except ValueError as e:
        return e


e = reraise_in_chain()
print(repr(e), repr(e.__context__), e.__context__.__context__)
