# Globals read before and after they are bound, rebinding, and locals shadowing builtins.
def read():
    return later


later = 1
print(read())
later = 2
print(read(), later)


def shadow():
    print = 5
    return print


print(shadow())
print(missing_global_name)
