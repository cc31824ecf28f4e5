match p:
    case _ as _:
        pass
