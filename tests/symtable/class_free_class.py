# A class that binds a name its methods take from an enclosing function
# (DEF_FREE_CLASS), and a class name declared global.
def make():
    value = 1
    other = 2
    declared = 3

    class K:
        value = 10           # bound here and free in the method below
        print(other)         # only used here: no DEF_FREE_CLASS
        global declared

        def get(self):
            return value, other, declared

    return K
