o.m(a=1, a=2)
