# The sys module's basics, as Python code reads them (CPython 3.11 is the oracle).
import sys
import builtins

# Version information.
vi = sys.version_info
print(type(vi).__name__, len(vi), vi[:2], vi.major, vi.minor, vi.micro, vi.releaselevel, vi.serial)
print(vi >= (3, 11), vi < (3, 12), vi == (3, 11, 7, 'final', 0), isinstance(vi, tuple))
print(repr(vi))
major, minor, *rest = vi
print(major, minor, rest)
print(sys.hexversion == 0x030B07F0, sys.version.startswith("3.11.7 "), sys.api_version)
try:
    type(vi)()
except TypeError as e:
    print(type(e).__name__, e)
impl = sys.implementation
print(type(impl).__name__, impl.name in ("cpython", "garter"), impl.cache_tag in ("cpython-311", "garter-311"))
print(type(impl.version).__name__, len(impl.version), isinstance(impl.hexversion, int))

# Platform and limits.
print(sys.platform, sys.byteorder, sys.maxsize == 2**63 - 1, sys.maxunicode == 0x10FFFF)
print(sys.float_repr_style, sys.getdefaultencoding(), sys.getfilesystemencoding())
print(sys.float_info)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info[0] == sys.float_info.max)
print(sys.hash_info)
print(sys.int_info.default_max_str_digits, sys.int_info.str_digits_check_threshold)
print(type(sys.flags).__name__, len(sys.flags), sys.flags.debug, sys.flags.isolated, sys.flags.safe_path)
print(isinstance(sys.executable, str) and sys.executable.startswith("/"))
print(type(sys.prefix).__name__, sys.prefix == sys.base_prefix, sys.exec_prefix == sys.prefix)

# Lists and dicts Python code reads.
print(type(sys.argv).__name__, sys.argv[0], type(sys.path).__name__, type(sys.path[0]).__name__)
print(sys.modules["sys"] is sys, sys.modules["builtins"] is builtins, builtins.len is len)
print(sys.modules["__main__"].__name__, __name__)
print(type(sys.meta_path).__name__, type(sys.path_hooks).__name__, type(sys.path_importer_cache).__name__)
print(type(sys.warnoptions).__name__, type(sys._xoptions).__name__, type(sys.orig_argv).__name__)
print("sys" in sys.builtin_module_names, "builtins" in sys.builtin_module_names, type(sys.builtin_module_names).__name__)
print(type(sys.stdlib_module_names).__name__, "os" in sys.stdlib_module_names, "json" in sys.stdlib_module_names,
      "sys" in sys.stdlib_module_names, "not_a_module" in sys.stdlib_module_names)
print(type(sys.dont_write_bytecode).__name__, type(sys.copyright).__name__)

# Recursion limit.
old = sys.getrecursionlimit()
print(old)
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(old)
for bad in (0, -5, "x", 2.5):
    try:
        sys.setrecursionlimit(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

def depth(n):
    return depth(n + 1) if n < 50 else n
print(depth(0))

# Switch interval.
print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
sys.setswitchinterval(1)
print(sys.getswitchinterval())
for bad in (0, -1.0, "x", None):
    try:
        sys.setswitchinterval(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
sys.setswitchinterval(0.005)

# Integer string conversion limit.
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(maxdigits=1000)
print(sys.get_int_max_str_digits())
for bad in (1, 639, -1):
    try:
        sys.set_int_max_str_digits(bad)
    except ValueError as e:
        print(type(e).__name__, e)
sys.set_int_max_str_digits(0)
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(4300)

# exit, exc_info, exception.
for args in ((), (0,), (3,), ("message",), (None,)):
    try:
        sys.exit(*args)
    except SystemExit as e:
        print("SystemExit", e.args, e.code)
try:
    sys.exit(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
print(sys.exc_info(), sys.exception())
try:
    raise KeyError("k")
except KeyError as caught:
    kind, value, tb = sys.exc_info()
    print(kind.__name__, value is caught, tb is not None, sys.exception() is caught)
    try:
        raise ValueError("inner")
    except ValueError:
        print(sys.exc_info()[0].__name__, sys.exception())
    print(sys.exc_info()[0].__name__)
print(sys.exc_info(), sys.exception())

# Reference counts (the argument's own reference included, as in CPython).
print(sys.getrefcount(object()))
x = object()
print(sys.getrefcount(x))
holder = [x, x]
print(sys.getrefcount(x))
del holder
print(sys.getrefcount(x))

# Sizes of the common objects.
for value in (0, 1, 2**30, 2**100, -5, 1.5, None, True, False, "", "abc", "é", "\u1234", "\U00012345",
              [], [1, 2], (), (1,), (1, 2, 3), {}, {1: 2}, set(), object()):
    print(repr(value)[:12], sys.getsizeof(value))
print(sys.getsizeof(1, "default"))
class Sized:
    def __sizeof__(self):
        return 5
print(sys.getsizeof(Sized()))
class BadSize:
    def __sizeof__(self):
        return -1
try:
    sys.getsizeof(BadSize())
except ValueError as e:
    print(type(e).__name__, e)

# intern.
a = sys.intern("".join(["inter", "ned!"]))
b = sys.intern("interned!")
print(a is b, a == "interned!")
try:
    sys.intern(5)
except TypeError as e:
    print(type(e).__name__, e)

# _getframe.
def outer():
    return inner()
def inner():
    frame = sys._getframe()
    return frame.f_code.co_name, sys._getframe(1).f_code.co_name, sys._getframe(2).f_code.co_name
print(outer())
try:
    sys._getframe(1000)
except ValueError as e:
    print(type(e).__name__, e)

# The standard streams.
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__, sys.stdin is sys.__stdin__)
print(sys.stdout.encoding, sys.stdout.fileno(), sys.stderr.fileno(), sys.stdin.fileno())
print(sys.stdout.write("written\n"))
sys.stdout.flush()
print(sys.stdout.writable(), sys.stdout.readable(), sys.stdin.readable())
try:
    sys.stdout.write(5)
except TypeError as e:
    print(type(e).__name__, e)

# print() follows sys.stdout when it is replaced.
class Capture:
    def __init__(self):
        self.parts = []
    def write(self, text):
        self.parts.append(text)
        return len(text)
    def flush(self):
        self.parts.append("<flush>")
capture = Capture()
sys.stdout = capture
print("a", "b", sep="+", end="!\n")
print("flushed", flush=True)
sys.stdout = sys.__stdout__
print(capture.parts)
capture = Capture()
print("to", "file", file=capture)
print(capture.parts)

# displayhook.
sys.displayhook(None)
sys.displayhook("shown")
print(builtins._)
sys.displayhook(42)
print(builtins._)

# Trace and profile functions are stored.
print(sys.gettrace(), sys.getprofile())
def tracer(frame, event, arg):
    return None
sys.setprofile(tracer)
print(sys.getprofile() is tracer)
sys.setprofile(None)
print(sys.getprofile())
