match x:
    case y if y:
        pass
    case [b, *_, c, *d]:
        pass
