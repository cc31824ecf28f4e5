# The _io base classes as Python subclasses see them, UnsupportedOperation,
# IncrementalNewlineDecoder, and streams closing themselves when freed.
import _io


def attempt(label, function):
    try:
        print(label, repr(function()))
    except Exception as e:
        print(label, type(e).__name__, e)


print([c.__name__ for c in _io.UnsupportedOperation.__mro__], _io.UnsupportedOperation.__module__)
print(issubclass(_io.UnsupportedOperation, OSError), issubclass(_io.UnsupportedOperation, ValueError))
print(_io.BlockingIOError is BlockingIOError)
for name in ["FileIO", "BytesIO", "StringIO", "BufferedReader", "BufferedWriter", "BufferedRandom",
             "BufferedRWPair", "TextIOWrapper", "IncrementalNewlineDecoder", "_IOBase", "_RawIOBase",
             "_BufferedIOBase", "_TextIOBase"]:
    cls = getattr(_io, name)
    print(name, cls.__module__, [c.__name__ for c in cls.__mro__])
print(repr(_io.FileIO), repr(_io.UnsupportedOperation))


class Lines(_io._IOBase):
    def __init__(self, data):
        self.data = data
        self.position = 0
    def readable(self):
        return True
    def read(self, size=-1):
        if size < 0:
            size = len(self.data)
        chunk = self.data[self.position:self.position + size]
        self.position += len(chunk)
        return chunk


s = Lines(b"one\ntwo\nthree")
print(s.readline(), s.readline(2), s.readlines(), s.closed, s.readable(), s.writable(), s.seekable())
s = Lines(b"a\nb\n")
print(list(s), s.isatty(), s._checkReadable())
attempt("checkWritable", s._checkWritable)
attempt("checkSeekable", s._checkSeekable)
attempt("seek", lambda: s.seek(0))
attempt("tell", s.tell)
attempt("truncate", s.truncate)
attempt("fileno", s.fileno)
with s as entered:
    print(entered is s, s.closed)
print(s.closed)
attempt("closed iter", lambda: iter(s))
attempt("closed readline", s.readline)
attempt("closed flush", s.flush)
attempt("closed enter", lambda: s.__enter__())
s.close()


class Peeking(_io._BufferedIOBase):
    def __init__(self, data):
        self.data = data
        self.reads = 0
    def peek(self, size=0):
        return self.data[:10]
    def read(self, size=-1):
        self.reads += 1
        chunk, self.data = self.data[:size], self.data[size:]
        return chunk


p = Peeking(b"first line\nsecond")
print(p.readline(), p.reads, p.readline(), p.reads)
b = bytearray(4)
print(Peeking(b"abcdef").readinto(b), b)
attempt("buffered write", lambda: Peeking(b"").write(b"x"))
attempt("buffered read1", lambda: _io._BufferedIOBase().read1())
attempt("buffered detach", lambda: _io._BufferedIOBase().detach())
t = _io._TextIOBase()
print(t.encoding, t.newlines, t.errors)
attempt("text read", t.read)
attempt("text write", lambda: t.write("x"))


class Raw(_io._RawIOBase):
    def __init__(self):
        self.chunks = [b"ab", b"", b"cd"]
    def readinto(self, buffer):
        chunk = self.chunks.pop(0) if self.chunks else b""
        buffer[:len(chunk)] = chunk
        return len(chunk)


print(Raw().read(5), Raw().readall())


class Closing(_io._IOBase):
    def close(self):
        print("close called, closed before:", self.closed)
        super().close()
    def flush(self):
        print("flush called")
        super().flush()


c = Closing()
del c
print("after del")
c = Closing()
c.close()
del c
print("after explicit close")

PATH = "/tmp/garter_io_bases_data"
f = open(PATH, "w", encoding="utf-8")
f.write("written at finalization")
del f
with open(PATH, encoding="utf-8") as f:
    print(f.read())
w = _io.BufferedWriter(_io.FileIO(PATH, "w"))
w.write(b"buffered bytes")
del w
with open(PATH, "rb") as f:
    print(f.read())

d = _io.IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode("a\r")), repr(d.decode("\nb\r")), d.getstate(), repr(d.decode("", final=True)), d.newlines)
d.reset()
print(d.newlines, d.getstate())
d = _io.IncrementalNewlineDecoder(None, False)
print(repr(d.decode("x\r\ny\rz\n", True)), d.newlines)
d.setstate((b"", 1))
print(repr(d.decode("q", True)))
attempt("decoder bytes", lambda: _io.IncrementalNewlineDecoder(None, True).decode(b"x"))
attempt("decoder args", lambda: _io.IncrementalNewlineDecoder())
