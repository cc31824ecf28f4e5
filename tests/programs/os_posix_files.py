# posix: descriptors (open/read/write/lseek/ftruncate/pipe/dup) and their flags.
import posix

BASE = "/tmp/garter_os_posix_files"


def clean():
    try:
        names = posix.listdir(BASE)
    except FileNotFoundError:
        return
    for name in names:
        posix.unlink(BASE + "/" + name)
    posix.rmdir(BASE)


clean()
posix.mkdir(BASE)
path = BASE + "/data.bin"
fd = posix.open(path, posix.O_WRONLY | posix.O_CREAT | posix.O_TRUNC, 0o644)
print("inheritable", posix.get_inheritable(fd))
print("wrote", posix.write(fd, b"hello world\n"))
print("wrote", posix.write(fd, bytearray(b"second line\n")))
print("wrote", posix.write(fd, memoryview(b"xyz")))
posix.fsync(fd)
posix.close(fd)

fd = posix.open(path, posix.O_RDONLY)
print(posix.read(fd, 5))
print(posix.read(fd, 1000))
print(posix.read(fd, 10))
print("seek", posix.lseek(fd, 6, 0))
print(posix.read(fd, 5))
print("seek end", posix.lseek(fd, -3, 2))
print(posix.read(fd, 0), posix.read(fd, 3))
print("fstat size", posix.fstat(fd).st_size)
posix.close(fd)

fd = posix.open(path, posix.O_RDWR)
posix.ftruncate(fd, 5)
print("after ftruncate", posix.fstat(fd).st_size, posix.read(fd, 100))
posix.close(fd)
posix.truncate(path, 2)
print("after truncate", posix.stat(path).st_size)

# pipes
r, w = posix.pipe()
print("pipe inheritable", posix.get_inheritable(r), posix.get_inheritable(w))
print("blocking", posix.get_blocking(r))
posix.set_blocking(r, False)
print("blocking now", posix.get_blocking(r))
try:
    posix.read(r, 10)
except BlockingIOError as e:
    print(type(e).__name__, e.errno == 11)
posix.set_blocking(r, True)
posix.write(w, b"through the pipe")
print(posix.read(r, 100))
w2 = posix.dup(w)
print("dup inheritable", posix.get_inheritable(w2))
posix.write(w2, b"via dup")
print(posix.read(r, 100))
posix.set_inheritable(w2, True)
print("set inheritable", posix.get_inheritable(w2))
w3 = posix.dup2(w, w2)
print("dup2 same fd", w3 == w2, posix.get_inheritable(w3))
posix.close(w2)
posix.close(w)
print("eof", posix.read(r, 10))
posix.close(r)
r, w = posix.pipe2(posix.O_NONBLOCK)
print("pipe2 blocking", posix.get_blocking(r))
posix.close(r)
posix.close(w)
print("isatty", posix.isatty(r))

# errors
for call in [lambda: posix.read(r, 1), lambda: posix.write(r, b"x"), lambda: posix.close(r),
             lambda: posix.fstat(r), lambda: posix.lseek(r, 0, 0),
             lambda: posix.open(BASE + "/missing", posix.O_RDONLY),
             lambda: posix.open(BASE, posix.O_WRONLY),
             lambda: posix.open(BASE + "/data.bin", posix.O_CREAT | posix.O_EXCL | posix.O_WRONLY),
             lambda: posix.write(1, "text"),
             lambda: posix.read(0, -1),
             lambda: posix.open(3.5, 0),
             lambda: posix.open("a\0b", 0),
             lambda: posix.open(None, 0)]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)

# bytes and PathLike paths
class P:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


fd = posix.open(P(path.encode()), posix.O_RDONLY)
print(posix.read(fd, 10))
posix.close(fd)
try:
    posix.open(P(5), 0)
except TypeError as e:
    print(e)
print(posix.fspath(P("x")), posix.fspath(b"y"), posix.fspath("z"))
for bad in [5, None, P(3)]:
    try:
        posix.fspath(bad)
    except TypeError as e:
        print(e)
print("urandom", len(posix.urandom(16)), posix.urandom(0))
print(posix.strerror(2), "|", posix.strerror(13))
print(posix.device_encoding(r))
clean()
print(posix.access(BASE, posix.F_OK))

# file systems and terminals
sv = posix.statvfs("/")
print(type(sv).__name__, type(sv).__module__, len(sv), sv.n_fields, sv.f_bsize > 0, sv.f_namemax, sv[0] == sv.f_bsize)
fd = posix.open("/", posix.O_RDONLY)
print(posix.fstatvfs(fd).f_blocks == sv.f_blocks, posix.statvfs(fd).f_fsid == sv.f_fsid)
posix.close(fd)
r, w = posix.pipe()
try:
    posix.ttyname(r)
except OSError as e:
    print(type(e).__name__, e)
posix.close(r)
posix.close(w)
print(len(posix.getloadavg()), posix.sync())
try:
    posix.statvfs("/nonexistent")
except OSError as e:
    print(type(e).__name__, e)
