# posix: file names that are not UTF-8 come back through surrogateescape and go back unchanged.
import posix
base = "/tmp/garter_os_posix_names"
try:
    for n in posix.listdir(base.encode()): posix.unlink(base.encode() + b"/" + n)
    posix.rmdir(base)
except FileNotFoundError:
    pass
posix.mkdir(base)
for name in [b"\xff\xfe", "é".encode(), b"plain"]:
    posix.close(posix.open(base.encode() + b"/" + name, posix.O_CREAT | posix.O_WRONLY))
names = sorted(posix.listdir(base))
print([ascii(n) for n in names])
for n in names:
    print(ascii(n), posix.stat(base + "/" + n).st_size)
print(sorted(ascii(e.name) for e in posix.scandir(base)))
try:
    posix.stat("\ud800")
except Exception as e:
    print(type(e).__name__, e)
for n in posix.listdir(base.encode()): posix.unlink(base.encode() + b"/" + n)
posix.rmdir(base)
