def a(x=[], y={}, z=(), w=None, v=lambda: 1) -> list: pass
def b(x=f(y), *, z=g(*h)) -> dict[str, int]: pass
def c(x=(yield_) if 0 else 1): pass
def d(x: int = 1, /, y: int = 2, *, z: int = 3) -> None: pass
