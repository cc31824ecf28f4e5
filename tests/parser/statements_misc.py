import os
import os.path
import os.path as osp, sys as system
from os import path
from os import path as p, sep
from os import (path,
                sep as s,)
from . import x
from .. import y
from ... import z
from .... import w
from .a.b import c
from .mod import *
from __future__ import annotations
global a, b
del a
del a, b
del a.b, c[0], (d, e), [f, g]
del (a), [b]
pass
x = 1; y = 2
print(x)
...
None
a.b.c
f() ; g()
def scope():
    global g1
    nonlocal_ = 1
    def inner():
        nonlocal nonlocal_
        nonlocal_ += 1
with open(p) as f: pass
with a, b as c, d as (e, f): pass
with (a, b): pass
with (a as b, c as d): pass
with (a as b, c as d,): pass
with (a): pass
with (yield): pass
with a as b.c, d as e[0]: pass
with (
    open(a) as f,
    open(b) as g,
):
    pass
