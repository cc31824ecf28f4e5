# dir(cls) lists the class's and its bases' attributes, never its metaclass's
# (typing.no_type_check walks dir(cls) and getattr()s every name).
class Base:
    def base_method(self): pass

class Child(Base):
    attribute = 1
    def child_method(self): pass

names = dir(Child)
print([name for name in names if not name.startswith("__")])
print("__abstractmethods__" in names, "mro" in names, "__mro__" in names, "__bases__" in names)
print("__init__" in names, "__module__" in names, "__dict__" in names)
for name in names:
    getattr(Child, name)   # every listed name must be readable
print("mro" in dir(type), "__abstractmethods__" in dir(type))
print("__class__" in dir(Child()), "child_method" in dir(Child()))

class Meta(type):
    def meta_method(cls): pass

class WithMeta(metaclass=Meta):
    pass

print("meta_method" in dir(WithMeta), "meta_method" in dir(Meta))
