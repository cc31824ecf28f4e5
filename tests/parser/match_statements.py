match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case ["go", direction] | ["move", direction]:
        pass
    case ["drop", *objects]:
        pass
    case [*_]:
        pass
    case _:
        pass
match point:
    case Point(x=0, y=0):
        pass
    case Point(0, y) if y > 0:
        pass
    case Point(x, 0) as p:
        pass
    case (0, 0) | (1, 1):
        pass
    case {"x": x, "y": y, **rest}:
        pass
    case {1: _, "a": [1, 2], None: {}, True: (), 1.5: [], -1: x, 1 + 2j: y, a.b: z}:
        pass
    case {}:
        pass
    case []:
        pass
    case ():
        pass
    case (x,):
        pass
    case [x, *_, y]:
        pass
    case 1 | -1 | 1.5 | -1.5 | 1j | -1j | 1 + 2j | -1 - 2j | 0x10 | "s" | b"b" if guard:
        pass
    case "a" "b" | b"c" b"d":
        pass
    case None | True | False:
        pass
    case Color.RED | mod.Color.GREEN:
        pass
    case str() | bytes(x) | int(x, y=1):
        pass
    case a.b.C(x, y, z=1, w=[1, *rest]):
        pass
    case [(1 | 2) as one, (a as b) as c]:
        pass
    case x if x:
        pass
match x,:
    case _: pass
match *a, b:
    case _: pass
match (a):
    case _: pass
match -x:
    case -0:
        pass
