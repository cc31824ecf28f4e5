# Names bound by match patterns.
def handle(command):
    match command:
        case ["go", direction]:
            return direction
        case ["drop", *objects]:
            return objects
        case {"action": action, **rest}:
            return action, rest
        case Point(x=0, y=py) as point:
            return py, point
        case [first, _] | (first, _, _) if first > limit:
            return first
        case Color.RED | None | True:
            return "constant"
        case str() | bytes() as text:
            return text
        case _:
            return None


match subject:
    case (a, b):
        pass
    case {"k": [*inner]}:
        pass
