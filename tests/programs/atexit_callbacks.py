# atexit: callbacks run last-registered first after the program (and after
# threading's shutdown), with their arguments; unregister; exceptions are
# reported and the remaining callbacks still run.
import atexit
import sys


class Errors:
    # Keeps the report but not the traceback's file lines (paths differ);
    # CPython writes a report in pieces, so whole lines are printed.
    pending = ""

    def write(self, text):
        lines = (self.pending + text).split("\n")
        self.pending = lines.pop()
        for line in lines:
            if line and not line.startswith("  "):
                print("stderr:", line)

    def flush(self):
        pass


sys.stderr = Errors()


class Named:
    def __init__(self, name):
        self.name = name

    def __call__(self, *args, **kwargs):
        print("callback", self.name, args, sorted(kwargs.items()))

    def __repr__(self):
        return "<Named %s>" % self.name

    def __eq__(self, other):
        return isinstance(other, Named) and other.name == self.name

    __hash__ = object.__hash__


def failing():
    raise ValueError("failed in atexit")


class Failing:
    def __call__(self):
        raise KeyError("k")

    def __repr__(self):
        return "<Failing>"


# CPython's site may register one callback before the program starts.
base = atexit._ncallbacks()
first = Named("first")
print(atexit.register(first, 1, 2, key="value") is first)
atexit.register(Named("second"))
atexit.register(Failing())
atexit.register(Named("third"), x=1)
atexit.register(Named("removed"))
atexit.register(Named("removed"), "again")
print(atexit._ncallbacks() - base)
# Unregistered callbacks leave a counted hole (CPython's list is not compacted).
atexit.unregister(Named("removed"))
print(atexit._ncallbacks() - base)
atexit.unregister(print)

for bad in [(), (1,), ("x",)]:
    try:
        atexit.register(*bad)
    except TypeError as error:
        print("TypeError", error)

# _run_exitfuncs runs and forgets what is registered now.
saved = atexit._ncallbacks()
atexit._clear()
atexit.register(Named("run now"))
atexit.register(Named("run now first"))
atexit._run_exitfuncs()
print(atexit._ncallbacks())

atexit.register(first, 1, 2, key="value")
atexit.register(Named("second"))
atexit.register(Failing())
atexit.register(Named("third"), x=1)
atexit.register(lambda: print("lambda, sees stdout"))
print("end of program")
