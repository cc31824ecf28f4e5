# Structural pattern matching.
def describe(subject):
    match subject:
        case 0 | 1:
            return "small int"
        case int(n) if n < 0:
            return f"negative {n}"
        case str() as s:
            return f"string {s!r}"
        case [x, y]:
            return f"pair {x} {y}"
        case [x, *rest]:
            return f"list head {x} rest {rest}"
        case {"kind": "point", "x": x, **others}:
            return f"point {x} {others}"
        case Point(x=0, y=y):
            return f"on y axis {y}"
        case Point(x, y):
            return f"point {x},{y}"
        case None:
            return "none"
        case _:
            return "other"

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

for subject in [0, 1, -5, 7, "hi", [1, 2], [1, 2, 3], (4,), {"kind": "point", "x": 1, "z": 2},
                Point(0, 3), Point(2, 3), None, 2.5, {}]:
    print(describe(subject))

match {"a": 1}:
    case {"b": _}:
        print("no")
    case {"a": value}:
        print("a =", value)

color = "red"
class Colors:
    RED = "red"
match color:
    case Colors.RED:
        print("constant pattern")
