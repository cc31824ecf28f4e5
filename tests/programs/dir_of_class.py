# dir(class) lists the class and its bases' attributes, not the metaclass's.
class Meta(type):
    def meta_method(cls):
        pass


class A(metaclass=Meta):
    x = 1


class B(A):
    def method(self):
        pass


names = dir(B)
print("x" in names, "method" in names, "meta_method" in names)
print("__abstractmethods__" in names, "mro" in names, "__mro__" in names, "__name__" in names)
print("__init__" in names, "__module__" in names)
print("meta_method" in dir(Meta), "mro" in dir(Meta), "mro" in dir(type))
for name in dir(B):
    getattr(B, name)
print("every name of dir(B) is an attribute")
print(sorted(set(dir(B)) - set(dir(object))))
