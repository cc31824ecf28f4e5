# _warnings on its own (the `warnings` module need not be loaded): the
# default filters, __warningregistry__, stack levels, and the text shown
# on sys.stderr with the source line.
import io
import sys
import _warnings


def captured(function):
    saved = sys.stderr
    sys.stderr = io.StringIO()
    try:
        function()
        return sys.stderr.getvalue().replace(__file__, "FILE").splitlines()
    finally:
        sys.stderr = saved


def careful():
    _warnings.warn("careful", RuntimeWarning)


def caller_level():
    _warnings.warn("from caller", stacklevel=2)


print(captured(careful))
print(captured(careful))  # shown once per location ("default")
print(sorted(str(key) for key in __warningregistry__ if key != "version"))
print(captured(lambda: _warnings.warn("deprecated here", DeprecationWarning)))  # __main__: shown
print(captured(lambda: _warnings.warn("pending", PendingDeprecationWarning)))  # ignored
print(captured(caller_level))
print(captured(lambda: _warnings.warn_explicit("explicit", UserWarning, "nofile.py", 3)))
print(captured(lambda: _warnings.warn(UserWarning("an instance"))))
print(captured(lambda: _warnings.warn("far up", stacklevel=50)))
for bad in (lambda: _warnings.warn("x", str), lambda: _warnings.warn(), lambda: _warnings.warn_explicit("x", UserWarning, 5, 1)):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
