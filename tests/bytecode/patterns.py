def f(x):
    match x:
        case 0 | 1 | 2:
            return "small"
        case [a, b] if a == b:
            return a
        case [1, *_, last]:
            return last
        case [first, *rest]:
            return rest
        case {"k": v, "j": 1, **kw}:
            return kw
        case Point(x=0, y=yy) | Point(x=yy, y=0):
            return yy
        case str() as s:
            return s
        case None | True:
            return None
        case -1.5 | 1+2j | A.B:
            return 0
        case _:
            return -1

def g(x):
    match x:
        case [a, [b, c]] | [[b, c], a]:
            return a + b + c
        case {}:
            pass
        case (q):
            return q
