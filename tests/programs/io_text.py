# TextIOWrapper: newline modes, encodings and errors, buffering flags,
# readline/readlines/iteration, seek/tell, reconfigure, detach.
import _io

PATH = "/tmp/garter_io_text_data"


def attempt(label, function):
    try:
        print(label, repr(function()))
    except Exception as e:
        print(label, type(e).__name__, e)


def write_bytes(data, path=PATH):
    with _io.FileIO(path, "w") as f:
        f.write(data)


def read_bytes(path=PATH):
    with _io.FileIO(path) as f:
        return f.readall()


def text(mode="r", **options):
    raw = _io.FileIO(PATH, mode.replace("t", "") + ("b" if "b" not in mode else ""))
    buffered = (_io.BufferedRandom if "+" in mode else _io.BufferedReader if "r" in mode else _io.BufferedWriter)(raw)
    return _io.TextIOWrapper(buffered, **options)


write_bytes(b"one\ntwo\r\nthree\rfour\r\n\rfive")
for newline in [None, "", "\n", "\r", "\r\n"]:
    with text(newline=newline, encoding="utf-8") as f:
        print(repr(newline), f.readlines(), repr(f.newlines))
    with text(newline=newline, encoding="utf-8") as f:
        print(repr(newline), repr(f.read()), repr(f.newlines))
    with text(newline=newline, encoding="utf-8") as f:
        print(repr(newline), [f.read(4) for _ in range(7)])

# A \r\n split across chunks is still one line end.
write_bytes(b"ab\r\ncd\r\nef")
with text(encoding="utf-8") as f:
    f._CHUNK_SIZE = 3
    print(f._CHUNK_SIZE, list(f))
attempt("chunk size 0", lambda: setattr(text(encoding="utf-8"), "_CHUNK_SIZE", 0))

# Writing translates "\n" per newline.
for newline in [None, "", "\n", "\r", "\r\n"]:
    with text("w", newline=newline, encoding="utf-8") as f:
        print(f.write("a\nb\r\nc\rd\n"))
    print(repr(newline), read_bytes())

# Encodings and errors.
samples = "héllo wörld ✓ 𝄞\n"
for encoding in ["utf-8", "UTF8", "latin-1", "ascii", "utf_8"]:
    for errors in ["strict", "replace", "ignore", "backslashreplace", "xmlcharrefreplace"]:
        def run():
            with text("w", encoding=encoding, errors=errors) as f:
                f.write(samples)
            return read_bytes()
        attempt("%s/%s" % (encoding, errors), run)
write_bytes("héllo ✓ 𝄞 end\n".encode("utf-8") + b"bad \xff\xfe bytes\n")
for encoding in ["utf-8", "latin-1", "ascii"]:
    for errors in ["strict", "replace", "ignore", "surrogateescape", "backslashreplace"]:
        def run():
            with text(encoding=encoding, errors=errors) as f:
                return f.read()
        attempt("read %s/%s" % (encoding, errors), run)

# Multi-byte characters split across chunk boundaries.
write_bytes(("αβγδ✓𝄞" * 50 + "\n") * 3 .encode("utf-8") if False else (("αβγδ✓𝄞" * 50 + "\n") * 3).encode("utf-8"))
for size in [1, 2, 3, 5, 7]:
    with text(encoding="utf-8") as f:
        f._CHUNK_SIZE = size
        lines = f.readlines()
        print(size, len(lines), [len(line) for line in lines], lines[0][:8])

# tell/seek cookies are positions.
write_bytes("añb\nc✓d\ne𝄞f\nlast".encode("utf-8"))
with text(encoding="utf-8") as f:
    positions = []
    while True:
        position = f.tell()
        line = f.readline()
        if not line:
            break
        positions.append((position, line))
    print(positions)
    for position, line in reversed(positions):
        print(f.seek(position), repr(f.readline()))
    print(f.read(2), f.tell(), f.read(1), f.tell(), f.seek(0, 1), f.read())
    print(f.seek(0, 2), f.read())
    attempt("cur seek", lambda: f.seek(1, 1))
    attempt("end seek", lambda: f.seek(-1, 2))
    attempt("bad whence", lambda: f.seek(0, 3))
    attempt("negative", lambda: f.seek(-1))
    f.seek(0)
    for line in f:
        attempt("tell during iteration", f.tell)
        break
    f.seek(0)
    print(f.readline(2), f.readline(0), f.readline(-1), f.read(None))
    attempt("readline None", lambda: f.readline(None))
    attempt("read float", lambda: f.read(1.0))

# Read and write on one stream.
write_bytes(b"")
with text("w+", encoding="utf-8") as f:
    print(f.write("first line\nsecond ✓\n"), f.tell())
    f.seek(0)
    print(repr(f.readline()), f.tell())
    print(f.seek(0, 2), f.write("third\n"))
    f.seek(0)
    print(f.read())
    print(f.truncate(5), f.seek(0), repr(f.read()))

# line_buffering and write_through push text to the buffer at once.
with text("w", encoding="utf-8", line_buffering=True) as f:
    f.write("no newline")
    print(f.line_buffering, f.write_through, read_bytes())
    f.write(" now\n")
    print(read_bytes())
with text("w", encoding="utf-8", write_through=True) as f:
    f.write("through")
    print(f.write_through, read_bytes())

# Attributes, repr, detach.
f = text(encoding="utf-8", errors="replace")
print(repr(f).replace(PATH, "PATH"), f.encoding, f.errors, f.name == PATH, type(f.buffer).__name__)
print(f.readable(), f.writable(), f.seekable(), f.isatty(), f.closed)
buffer = f.detach()
print(type(buffer).__name__, buffer.closed)
attempt("detached read", lambda: f.read())
attempt("detached buffer", lambda: f.buffer)
buffer.close()

# reconfigure.
write_bytes(b"x\r\ny\r\n")
with text(encoding="utf-8") as f:
    f.reconfigure(newline="")
    print(repr(f.readline()))
    attempt("reconfigure after read", lambda: f.reconfigure(encoding="latin-1"))
    attempt("reconfigure positional", lambda: f.reconfigure("latin-1"))
with text("w", encoding="utf-8") as f:
    f.reconfigure(encoding="latin-1", line_buffering=True)
    print(f.encoding, f.errors, f.line_buffering)
    f.write("é\n")
    print(read_bytes())

# Over BytesIO, and errors.
w = _io.TextIOWrapper(_io.BytesIO(b"mem\r\nory"), encoding="utf-8", newline=None)
print(w.read(), w.newlines)
attempt("bad newline", lambda: _io.TextIOWrapper(_io.BytesIO(), newline="x"))
attempt("newline type", lambda: _io.TextIOWrapper(_io.BytesIO(), newline=1))
attempt("encoding type", lambda: _io.TextIOWrapper(_io.BytesIO(), encoding=1))
attempt("unknown encoding", lambda: _io.TextIOWrapper(_io.BytesIO(), encoding="no-such-codec"))
attempt("write bytes", lambda: _io.TextIOWrapper(_io.BytesIO(), encoding="utf-8").write(b"x"))
closed = text(encoding="utf-8")
closed.close()
closed.close()
for name in ["read", "readline", "tell", "flush"]:
    attempt("closed " + name, getattr(closed, name))
attempt("closed next", lambda: next(closed))
attempt("closed write", lambda: closed.write("x"))
attempt("closed iter", lambda: iter(closed))
print(closed.closed)
