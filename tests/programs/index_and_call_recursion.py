# __index__ must return an int (int subclasses give their exact value), and a
# class whose __call__ is one of its own instances ends in RecursionError.
import operator


class Bad:
    def __index__(self):
        return None


class T(int):
    pass


class Sub:
    def __index__(self):
        return T(5)


for f in (bin, oct, hex, operator.index, lambda x: [][x], lambda x: "abc"[x:]):
    try:
        print(f(Bad()))
    except Exception as e:
        print(type(e).__name__, e)
value = operator.index(Sub())
print(value, type(value).__name__)
print(bin(Sub()), [10, 20, 30, 40, 50, 60][Sub()])


class A:
    pass


A.__call__ = A()
try:
    A()()
except RecursionError:
    print("RecursionError")
