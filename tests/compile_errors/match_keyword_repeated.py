match p:
    case Point(x=1, x=2):
        pass
