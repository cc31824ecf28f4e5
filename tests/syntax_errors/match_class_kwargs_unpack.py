match p:
    case Point(**kw):
        pass
