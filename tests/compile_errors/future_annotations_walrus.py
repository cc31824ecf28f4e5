from __future__ import annotations

def f(a: (b := int)):
    pass
