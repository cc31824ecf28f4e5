# _warnings: the filter walk (error/ignore/always/default/module/once),
# __warningregistry__, the default filters, categories and stack levels,
# and the message shown on sys.stderr.
import io
import sys
import warnings
import _warnings

print(type(_warnings.filters).__name__, _warnings._defaultaction, type(_warnings._onceregistry).__name__)
print(warnings.filters is _warnings.filters)
for action, message, category, module, lineno in warnings.filters:
    print(action, message, category.__name__, module, lineno)


def shown(function):
    saved = sys.stderr
    sys.stderr = io.StringIO()
    try:
        function()
        return [line.replace(__file__, "FILE") for line in sys.stderr.getvalue().splitlines()]
    finally:
        sys.stderr = saved


def warn_twice(message="careful", category=UserWarning):
    for _ in range(2):
        warnings.warn(message, category)


for action in ("default", "always", "ignore", "module", "once"):
    warnings.resetwarnings()
    warnings.simplefilter(action)
    globals().pop("__warningregistry__", None)
    print(action, shown(warn_twice))

warnings.resetwarnings()
warnings.simplefilter("error")
try:
    warnings.warn("boom", RuntimeWarning)
except RuntimeWarning as e:
    print("raised", type(e).__name__, e)

warnings.resetwarnings()
warnings.filterwarnings("ignore", message="skip")
warnings.filterwarnings("error", category=DeprecationWarning)
try:
    warnings.warn("old", DeprecationWarning)
except DeprecationWarning as e:
    print("raised", type(e).__name__, e)
print(shown(lambda: warnings.warn("skip this")))
print(shown(lambda: warnings.warn("show this")))

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("one")
    warnings.warn(UserWarning("two"))
    warnings.warn("three", SyntaxWarning)
    warnings.warn_explicit("four", FutureWarning, "somefile.py", 12)
    warnings.warn_explicit("five", BytesWarning, "other.py", 3, module="mod", registry={})


    def inner():
        warnings.warn("level two", stacklevel=2)
    inner()
for record in caught:
    print(record.category.__name__, record.message, type(record.message).__name__,
          record.filename.replace(__file__, "FILE"), record.lineno)

for bad in (lambda: warnings.warn("x", int), lambda: warnings.warn("x", 5),
            lambda: _warnings.warn_explicit("x", UserWarning, "f.py", 1, registry=[])):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

warnings.resetwarnings()
warnings.filters.insert(0, ("bogus", None, Warning, None, 0))
try:
    warnings.warn("x")
except Exception as e:
    print(type(e).__name__, str(e).splitlines()[0])
warnings.filters[:] = [("default",)]
try:
    warnings.warn("y")
except Exception as e:
    print(type(e).__name__, e)

warnings.resetwarnings()
warnings.simplefilter("default")
registry = {}
print(shown(lambda: _warnings.warn_explicit("reg", UserWarning, "f.py", 4, registry=registry)))
print(shown(lambda: _warnings.warn_explicit("reg", UserWarning, "f.py", 4, registry=registry)))
print(sorted(k for k in registry if k != "version"), "version" in registry)
warnings.simplefilter("always", append=True)
print(shown(lambda: _warnings.warn_explicit("reg", UserWarning, "f.py", 4, registry=registry)))
