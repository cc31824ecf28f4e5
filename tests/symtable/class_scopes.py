# Class bodies are not visible from their methods.
x = "module"


def f():
    x = "function"
    y = "function"

    class C:
        x = "class"          # shadows nothing for the methods
        y = y                # reads f's y (free), binds the class's y
        print(x)

        def m(self):
            return x, y      # both f's: the class's bindings are skipped

        def n(self):
            return self.x

    return C


class Top:
    attr = x

    def method(self):
        return attr          # the module's (here undefined) global, not Top.attr
