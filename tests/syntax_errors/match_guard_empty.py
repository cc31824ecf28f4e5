match p:
    case [a] if:
        pass
