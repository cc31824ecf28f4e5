match p:
    case 1j + 1:
        pass
