# Classes: MRO, super, properties, class/static methods, descriptors, slots, metaclasses.
class Base:
    kind = "base"
    def __init__(self, name):
        self.name = name
    def describe(self):
        return f"{self.kind}:{self.name}"
    @classmethod
    def make(cls, name):
        return cls(name)
    @staticmethod
    def helper(x):
        return x * 2
    @property
    def upper(self):
        return self.name.upper()
    @upper.setter
    def upper(self, value):
        self.name = value.lower()

class Child(Base):
    kind = "child"
    def describe(self):
        return "Child(" + super().describe() + ")"

c = Child.make("x")
print(c.describe(), c.upper, Base.helper(4), c.helper(5), type(c).__name__)
c.upper = "NEW"
print(c.name, Child.__mro__, Child.__bases__, Base.__subclasses__())

class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
print([k.__name__ for k in D.__mro__], D.mro() == list(D.__mro__))
try:
    class Bad(A, B): pass
except TypeError as e:
    print("TypeError:", e)

class Descriptor:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value):
        setattr(obj, self.name, value * 10)

class UsesDescriptor:
    value = Descriptor()

u = UsesDescriptor()
print(u.value)
u.value = 4
print(u.value, u._value, type(UsesDescriptor.value).__name__)

class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1

s = Slotted()
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(s.b)
except AttributeError as e:
    print("AttributeError:", e)

class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["created_by"] = "Meta"
        cls = super().__new__(mcls, name, bases, ns)
        cls.extra = kw
        return cls
    def __call__(cls, *args):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args)

class WithMeta(metaclass=Meta, flag=True):
    def __init__(self, x):
        self.x = x

w = WithMeta(3)
print(w.x, WithMeta.created_by, WithMeta.extra, type(WithMeta).__name__)

class Registry:
    members = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Registry.members.append(cls.__name__)

class R1(Registry, tag="one"): pass
class R2(Registry): pass
print(Registry.members, R1.tag, R2.tag)

class Generic:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"

print(Generic[int])
print(Base.__dict__["helper"].__class__.__name__, Base.__name__, Base.__qualname__, Base.__module__)
class Dyn: pass
Dyn.added = lambda self: "added method"
print(Dyn().added(), hasattr(Dyn(), "nope"), getattr(Dyn(), "nope", "default"))
T = type("T", (Base,), {"kind": "dynamic"})
print(T("t").describe(), T.__name__)
print(isinstance(c, Base), issubclass(Child, (int, Base)), isinstance(3, (str, int)))
