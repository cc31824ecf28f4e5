# open(): modes, buffering, the classes it returns, argument checks and
# OSError subclasses with errno/strerror/filename.
import _io

PATH = "/tmp/garter_io_open_data"


def attempt(label, function):
    try:
        print(label, repr(function()))
    except Exception as e:
        print(label, type(e).__name__, e)


print(open is _io.open, _io.DEFAULT_BUFFER_SIZE, open.__name__)
with open(PATH, "w") as f:
    print(type(f).__name__, f.mode, f.name == PATH, f.encoding, f.errors, f.line_buffering, type(f.buffer).__name__)
    print(f.write("line 1\n"), f.write("línea 2\n"), f.writelines(["a\n", "b\n"]))
with open(PATH) as f:
    print(f.mode, f.read())
with open(PATH, "rb") as f:
    print(type(f).__name__, f.mode, f.read())
with open(PATH, "rb", buffering=0) as f:
    print(type(f).__name__, f.mode, f.read(4))
with open(PATH, "ab") as f:
    print(type(f).__name__, f.mode, f.write(b"c\n"))
with open(PATH, "r+") as f:
    print(type(f.buffer).__name__, f.mode, f.readline(), f.buffer.raw.mode)
with open(PATH, "a+") as f:
    print(f.mode, f.buffer.raw.mode, f.tell() > 0)
with open(PATH, "w+b") as f:
    print(type(f).__name__, f.mode, f.raw.mode)
with open(PATH, "wt", encoding="latin-1", newline="\r\n") as f:
    print(f.write("x\ny\n"), f.encoding)
with open(PATH, "rb") as f:
    print(f.read())
with open(PATH, newline="") as f:
    print(repr(f.read()))
with open(PATH, encoding="utf-8", buffering=1) as f:
    print(f.line_buffering)
with open(PATH, "rb", buffering=5) as f:
    print(f.read(2), f.peek()[:3])
with open(PATH, "x" if False else "r", closefd=True) as f:
    print(f.closed)
print(f.closed)
with open(PATH, "w", encoding="utf-8") as f:
    f.write("data")
attempt("exclusive exists", lambda: open(PATH, "x"))

for mode in ["rw", "rr", "rbt", "b", "t", "", "z", "r+b+", "rU", "ab+", "xa"]:
    def run(mode=mode):
        with open(PATH, mode) as f:
            return type(f).__name__
    attempt("mode %r" % mode, run)
attempt("mode int", lambda: open(PATH, 1))
attempt("binary encoding", lambda: open(PATH, "rb", encoding="utf-8"))
attempt("binary errors", lambda: open(PATH, "rb", errors="strict"))
attempt("binary newline", lambda: open(PATH, "rb", newline=""))
attempt("text unbuffered", lambda: open(PATH, "r", buffering=0))
attempt("bad newline", lambda: open(PATH, "r", newline="x"))
attempt("encoding int", lambda: open(PATH, "r", encoding=5))
attempt("unknown encoding", lambda: open(PATH, "r", encoding="nope"))
attempt("buffering float", lambda: open(PATH, "r", buffering=1.5))
attempt("missing", lambda: open("/tmp/garter_io_open_missing/x"))
attempt("directory", lambda: open("/tmp"))
attempt("directory write", lambda: open("/tmp", "w"))
attempt("float", lambda: open(1.5))
attempt("negative fd", lambda: open(-1))
attempt("null byte", lambda: open("a\0b"))
attempt("list", lambda: open([]))
attempt("no args", lambda: open())
attempt("bad keyword", lambda: open(PATH, moed="r"))
try:
    open("/tmp/garter_io_open_missing/x")
except FileNotFoundError as e:
    print(isinstance(e, OSError), e.errno, e.strerror, e.filename, e.args)
try:
    open("/tmp/garter_io_open_missing/x", "rb")
except OSError as e:
    print(type(e).__name__, str(e))
print(open(PATH, "rb").read())
f = open(PATH.encode(), "rb")
print(f.name, f.read(2))
f.close()
with open(PATH, encoding="utf-8") as f:
    g = open(f.fileno(), "r", closefd=False, encoding="utf-8")
    print(g.read(), type(g.name).__name__)
    g.close()
    print(f.closed)
f = _io.open_code(PATH)
print(type(f).__name__, f.read())
f.close()
attempt("open_code bytes", lambda: _io.open_code(PATH.encode()))
print(_io.text_encoding(None), _io.text_encoding("utf-8"), _io.text_encoding(None, 2))
