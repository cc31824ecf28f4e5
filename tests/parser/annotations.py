from __future__ import annotations
x: int
y: "str" = "a"
z: list[dict[str, int | None]] = []
def f(a: int, b: "B" = None, *args: str, c: Callable[[int], str], **kw: Any) -> Optional[int]: ...
def g() -> None: ...
def h(*a: *Ts): ...
class C:
    attr: ClassVar[int] = 0
    other: "C"
    def m(self, x: Self) -> Self: return x
lambda_: Callable[..., Any] = lambda *a, **k: None
t: tuple[int, ...] = ()
u: (yield) if 0 else 0 = 1
