# global and nonlocal declarations, and how they change the scopes below.
total = 0


def add(n):
    global total
    total += n


def outer():
    value = 0
    flag = False

    def set_value(v):
        nonlocal value, flag
        value = v
        flag = True

    def declares_global():
        global value        # the module's, not outer's
        value = 5

        def reads():
            return value    # global: the global declaration hides outer's binding
        return reads

    return set_value, declares_global


def global_only_here():
    global created_later
    created_later = 1


def uses_module_names():
    return total, created_later, len
