# _io.FileIO: modes, reads and writes, positions, repr, closefd, opener, errors.
import _io

PATH = "/tmp/garter_io_fileio_data"


def attempt(label, function):
    try:
        print(label, repr(function()))
    except Exception as e:
        print(label, type(e).__name__, e)


f = _io.FileIO(PATH, "w")
print(repr(f), f.mode, f.closefd, f.closed, f.readable(), f.writable(), f.seekable())
print(f.write(b"hello world\n"), f.write(bytearray(b"second line\n")), f.write(memoryview(b"end")))
print(f.tell())
attempt("read on w", lambda: f.read())
f.close()
print(repr(f), f.closed)
f.close()
attempt("write closed", lambda: f.write(b"x"))
attempt("tell closed", lambda: f.tell())
attempt("fileno closed", lambda: f.fileno())

with _io.FileIO(PATH) as f:
    print(f.mode, f.name == PATH, type(f.fileno()).__name__, f.isatty())
    print(f.read(5), f.tell())
    print(f.read(0), f.read(1))
    print(f.readall())
    print(f.read(), f.read(10))
    print(f.seek(0), f.read(5), f.seek(-3, 2), f.read(), f.seek(2, 0), f.seek(3, 1), f.read(5))
    buffer = bytearray(4)
    print(f.seek(0), f.readinto(buffer), buffer)
    view = memoryview(bytearray(6))
    print(f.readinto(view), bytes(view))
    print(f.readline(), f.readlines())
    attempt("write on r", lambda: f.write(b"x"))
    attempt("truncate on r", lambda: f.truncate())
    attempt("seek whence", lambda: f.seek(0, 7))
    attempt("seek float", lambda: f.seek(1.5))
    attempt("read float", lambda: f.read(1.5))
print(f.closed)

with _io.FileIO(PATH, "r+") as f:
    print(f.mode, f.read(5), f.write(b"_"), f.seek(0), f.read(7))
    print(f.truncate(11), f.tell(), f.seek(0, 2))
    print(f.truncate(), f.seek(0), f.read())

with _io.FileIO(PATH, "a") as f:
    print(f.mode, f.tell(), f.write(b"++"), f.tell())
with _io.FileIO(PATH, "rb") as f:
    print(f.read())
with _io.FileIO(PATH, "a+") as f:
    print(f.mode, f.read(), f.seek(0), f.read(3))

with _io.FileIO(PATH + "_x", "w") as f:
    pass
attempt("x exists", lambda: _io.FileIO(PATH + "_x", "x"))
with _io.FileIO(PATH + "_y", "w") as f:
    f.write(b"y")
with _io.FileIO(PATH + "_y", "r+b") as f:
    print(f.mode, f.read())

for mode in ["rw", "q", "rr", "b", "", "r++", "xb+", "wb+", "ab+", "rb+", "rt"]:
    def make(mode=mode):
        with _io.FileIO(PATH, mode) as f:
            return f.mode
    attempt("mode %r" % mode, make)

attempt("missing", lambda: _io.FileIO("/tmp/garter_io_fileio_missing/x"))
attempt("directory", lambda: _io.FileIO("/tmp"))
attempt("float", lambda: _io.FileIO(1.5))
attempt("negative", lambda: _io.FileIO(-3))
attempt("null", lambda: _io.FileIO("a\0b"))
attempt("closefd name", lambda: _io.FileIO(PATH, closefd=False))
attempt("bad type", lambda: _io.FileIO([]))
attempt("no args", lambda: _io.FileIO())
try:
    _io.FileIO("/tmp/garter_io_fileio_missing/x")
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename, e.args)

# A descriptor, closefd=False keeps it open.
f = _io.FileIO(PATH, "r")
g = _io.FileIO(f.fileno(), "r", closefd=False)
print(repr(g).startswith("<_io.FileIO fd="), g.closefd, g.read(3))
g.close()
print(f.read(3))
f.close()

calls = []
keep = _io.FileIO(PATH, "r")
def opener(path, flags):
    calls.append((path, flags & 3))
    return keep.fileno()
with _io.FileIO(PATH, "r", opener=opener) as h:
    print(h.read(4), calls)
attempt("keep close", keep.close)
attempt("opener negative", lambda: _io.FileIO(PATH, opener=lambda p, fl: -1))
attempt("opener str", lambda: _io.FileIO(PATH, opener=lambda p, fl: "x"))
