# types.MethodType(function, instance) and its argument checks.
import types


class X:
    def __format__(self, spec):
        return "class"


y = X()
y.__format__ = types.MethodType(lambda self, spec: "instance " + spec, y)
print(f"{y}", format(y), y.__format__("s"), type(y).__format__(y, ""))
m = types.MethodType(len, "abc")
print(m(), m.__self__, m.__func__ is len)
for arguments in [(), (len,), (len, 1, 2), (1, 2), (len, None)]:
    try:
        types.MethodType(*arguments)
    except TypeError as e:
        print(len(arguments), e)
try:
    types.MethodType(len, 1, x=2)
except TypeError as e:
    print(e)
