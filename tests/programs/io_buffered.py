# BufferedReader / BufferedWriter / BufferedRandom / BufferedRWPair over
# FileIO and over raw streams written in Python.
import _io

PATH = "/tmp/garter_io_buffered_data"


def attempt(label, function):
    try:
        print(label, repr(function()))
    except Exception as e:
        print(label, type(e).__name__, e)


raw = _io.FileIO(PATH, "w")
w = _io.BufferedWriter(raw, 16)
print(repr(w), w.raw is raw, w.name == PATH, w.mode, w.writable(), w.readable(), w.seekable())
print(w.write(b"0123456789"), w.tell(), raw.tell())
print(w.write(b"abcdefghij"), w.tell(), raw.tell())
w.flush()
print(raw.tell())
print(w.write(b"\nline two\nline three\nlast"), w.tell())
attempt("read on writer", lambda: w.read())
w.close()
print(w.closed, raw.closed)
attempt("write closed", lambda: w.write(b"x"))
attempt("flush closed", lambda: w.flush())
w.close()

r = _io.BufferedReader(_io.FileIO(PATH), 8)
print(repr(r), r.readable(), r.writable())
print(r.peek(1)[:1], r.read(3), r.tell())
print(r.read1(100), r.tell())
print(r.read1(2), r.read(0), r.tell())
print(r.readline(), r.readline(4), r.readline())
print(r.seek(2), r.read(4), r.seek(-2, 1), r.read(4), r.seek(-4, 2), r.read())
print(r.read(), r.read(5), r.peek())
r.seek(0)
print(list(r))
r.seek(0)
print(r.readlines(15))
b = bytearray(5)
r.seek(0)
print(r.readinto(b), b, r.readinto1(b), b)
attempt("seek whence", lambda: r.seek(0, 9))
attempt("write on reader", lambda: r.write(b"x"))
attempt("truncate on reader", lambda: r.truncate())
attempt("read -2", lambda: r.read(-2))
raw = r.detach()
print(repr(raw), raw.closed)
attempt("after detach", lambda: r.read())
attempt("repr after detach", lambda: repr(r))
raw.close()
r.close() if False else None

attempt("zero buffer", lambda: _io.BufferedReader(_io.FileIO(PATH), 0))
attempt("reader on writer raw", lambda: _io.BufferedReader(_io.FileIO(PATH, "a")))
attempt("writer on reader raw", lambda: _io.BufferedWriter(_io.FileIO(PATH)))

with _io.BufferedRandom(_io.FileIO(PATH, "r+"), 8) as f:
    print(f.read(4), f.tell())
    print(f.write(b"WXYZ"), f.tell())
    print(f.read(3), f.tell())
    f.seek(0)
    print(f.read(12))
    print(f.seek(0, 2), f.write(b"!END"), f.tell())
    f.seek(0)
    print(f.read())
    print(f.truncate(10), f.tell())
    f.seek(0)
    print(f.read(), f.tell())
print(f.closed)


class MemoryRaw(_io._RawIOBase):
    """A raw stream in Python that hands out at most 3 bytes a call."""
    def __init__(self, data):
        self.data = bytearray(data)
        self.position = 0
        self.written = bytearray()
    def readable(self):
        return True
    def writable(self):
        return True
    def readinto(self, buffer):
        chunk = self.data[self.position:self.position + min(3, len(buffer))]
        buffer[:len(chunk)] = chunk
        self.position += len(chunk)
        return len(chunk)
    def write(self, data):
        data = bytes(data)[:5]
        self.written += data
        return len(data)


m = MemoryRaw(b"alpha\nbeta\ngamma")
print(m.read(2), m.read(), m.read())
m = MemoryRaw(b"alpha\nbeta\ngamma")
print(m.readall())
br = _io.BufferedReader(MemoryRaw(b"alpha\nbeta\ngamma"), 4)
print(br.read(7), br.readline(), br.read())
br = _io.BufferedReader(MemoryRaw(b"alpha\nbeta\ngamma"))
print([line for line in br])
raw = MemoryRaw(b"")
bw = _io.BufferedWriter(raw, 4)
print(bw.write(b"0123456789abcdef"), bytes(raw.written))
bw.flush()
print(bytes(raw.written))

pair = _io.BufferedRWPair(MemoryRaw(b"pair data\nmore"), MemoryRaw(b""))
print(pair.read(4), pair.peek()[:1], pair.readline(), pair.readable(), pair.writable(), pair.closed)
print(pair.write(b"out"))
pair.flush()
pair.close()
print(pair.closed)
