@decorator
def f(): pass
@decorator()
@decorator.attr(1, x=2)
@a[0]
@(lambda f: f)
@x if y else z
@x := y
def g(): pass
class A: pass
class B(): pass
class C(A, B): pass
class D(A, metaclass=M, **kw): pass
class E(*bases, x=1): pass
@dataclass(frozen=True)
class F(Generic[T]):
    x: int
    y: str = 'a'
    def method(self): return self.x
    @staticmethod
    def s(): pass
    @property
    def p(self): return 1
    class Inner:
        pass
class G:
    '''docstring'''
    __slots__ = ('a',)
