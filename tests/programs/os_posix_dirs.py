# posix: stat results, directories, scandir, renames, links, modes, times.
import posix

BASE = "/tmp/garter_os_posix_dirs"
S_IFMT, S_IFDIR, S_IFREG, S_IFLNK = 0o170000, 0o040000, 0o100000, 0o120000


def kind(mode):
    return {S_IFDIR: "dir", S_IFREG: "file", S_IFLNK: "link"}.get(mode & S_IFMT, "other")


def remove_tree(path):
    try:
        entries = list(posix.scandir(path))
    except FileNotFoundError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            remove_tree(entry.path)
        else:
            posix.unlink(entry.path)
    posix.rmdir(path)


def show(label, call):
    try:
        result = call()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, result)


remove_tree(BASE)
old_mask = posix.umask(0o022)
posix.mkdir(BASE)
posix.mkdir(BASE + "/sub", 0o700)
posix.mkdir(BASE + "/sub/deeper")
for name in ["b.txt", "a.txt", "sub/c.txt"]:
    fd = posix.open(BASE + "/" + name, posix.O_WRONLY | posix.O_CREAT, 0o666)
    posix.write(fd, name.encode() * 3)
    posix.close(fd)
posix.symlink("a.txt", BASE + "/link")
posix.symlink("nowhere", BASE + "/dangling")
posix.link(BASE + "/b.txt", BASE + "/hard")

print(sorted(posix.listdir(BASE)))
print(sorted(posix.listdir(BASE.encode())))
print(sorted(posix.listdir(BASE + "/sub")))

st = posix.stat(BASE + "/a.txt")
print(type(st).__name__, type(st).__module__, len(st), st.n_fields, st.n_sequence_fields, st.n_unnamed_fields)
print(kind(st.st_mode), oct(st.st_mode & 0o777), st.st_size, st.st_nlink, st[6])
print(type(st.st_mtime).__name__, type(st[8]).__name__, type(st.st_mtime_ns).__name__)
print(st.st_mtime_ns // 10**9 == st[8] == int(st.st_mtime), st.st_ino == st[1], st.st_dev == st[2])
print(kind(posix.stat(BASE + "/sub").st_mode), oct(posix.stat(BASE + "/sub").st_mode & 0o777))
print(kind(posix.lstat(BASE + "/link").st_mode), kind(posix.stat(BASE + "/link").st_mode))
print(kind(posix.stat(BASE + "/link", follow_symlinks=False).st_mode))
print("hard links", posix.stat(BASE + "/b.txt").st_nlink, posix.stat(BASE + "/hard").st_ino == posix.stat(BASE + "/b.txt").st_ino)
print(posix.readlink(BASE + "/link"), posix.readlink((BASE + "/dangling").encode()))
show("stat dangling", lambda: posix.stat(BASE + "/dangling"))
print("lstat dangling", kind(posix.lstat(BASE + "/dangling").st_mode))

# scandir
with posix.scandir(BASE) as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(repr(e), e.name, e.path == BASE + "/" + e.name, e.is_dir(), e.is_file(), e.is_symlink(),
          e.is_dir(follow_symlinks=False), e.is_file(follow_symlinks=False), e.inode() == posix.lstat(e.path).st_ino)
    if e.name != "dangling":
        print("  ", kind(e.stat().st_mode), kind(e.stat(follow_symlinks=False).st_mode), posix.fspath(e) == e.path)
show("dangling stat", [e for e in entries if e.name == "dangling"][0].stat)
print([e.name for e in sorted(posix.scandir(BASE.encode()), key=lambda e: e.name)][:2])
print(type(entries[0]).__name__, type(entries[0]).__module__)
it = posix.scandir(BASE + "/sub")
print(type(it).__name__)
first = next(it)
it.close()
print(list(it))
saved = posix.getcwd()
posix.chdir(BASE + "/sub")
print(posix.getcwd() == BASE + "/sub", posix.getcwdb() == (BASE + "/sub").encode())
print(sorted(e.path for e in posix.scandir()))
print(sorted(e.path for e in posix.scandir(".")))
print(sorted(posix.listdir()))
posix.chdir(saved)

# rename / replace
posix.rename(BASE + "/b.txt", BASE + "/renamed.txt")
posix.replace(BASE + "/renamed.txt", BASE + "/a.txt")
print(sorted(posix.listdir(BASE)))
show("rename missing", lambda: posix.rename(BASE + "/nope", BASE + "/x"))
show("replace onto dir", lambda: posix.replace(BASE + "/a.txt", BASE + "/sub"))
show("link exists", lambda: posix.link(BASE + "/a.txt", BASE + "/hard"))
show("symlink exists", lambda: posix.symlink("x", BASE + "/link"))

# modes, access and times
posix.chmod(BASE + "/a.txt", 0o600)
print(oct(posix.stat(BASE + "/a.txt").st_mode & 0o777))
print(posix.access(BASE + "/a.txt", posix.R_OK | posix.W_OK), posix.access(BASE + "/nope", posix.F_OK))
posix.utime(BASE + "/a.txt", (1000000000, 1200000000.5))
st = posix.stat(BASE + "/a.txt")
print(st.st_atime, st.st_mtime, st.st_mtime_ns, st[7], st[8])
posix.utime(BASE + "/a.txt", ns=(5, 1500000000123456789))
st = posix.stat(BASE + "/a.txt")
print(st.st_atime_ns, st.st_mtime_ns, st[8])
show("utime both", lambda: posix.utime(BASE + "/a.txt", (1, 2), ns=(1, 2)))
show("utime bad", lambda: posix.utime(BASE + "/a.txt", (1,)))
show("utime missing", lambda: posix.utime(BASE + "/missing", None))

# errors with file names
show("mkdir exists", lambda: posix.mkdir(BASE))
show("rmdir not empty", lambda: posix.rmdir(BASE))
show("rmdir file", lambda: posix.rmdir(BASE + "/a.txt"))
show("unlink dir", lambda: posix.unlink(BASE + "/sub"))
show("remove missing", lambda: posix.remove(BASE + "/missing"))
show("listdir file", lambda: posix.listdir(BASE + "/a.txt"))
show("listdir missing", lambda: posix.listdir(b"/tmp/garter_os_posix_dirs/missing"))
show("scandir missing", lambda: posix.scandir(BASE + "/missing"))
show("chdir missing", lambda: posix.chdir(BASE + "/missing"))
show("readlink file", lambda: posix.readlink(BASE + "/a.txt"))
show("stat bad type", lambda: posix.stat([1]))
show("listdir bad type", lambda: posix.listdir(2.5))
show("stat fd", lambda: posix.stat(9999))
try:
    posix.stat(BASE + "/missing")
except OSError as e:
    print(e.errno, e.strerror, e.filename, e.filename2, e.args)
try:
    posix.rename(BASE + "/missing", "other")
except OSError as e:
    print(e.errno, e.strerror, e.filename, e.filename2, e.args)

# dir_fd
dfd = posix.open(BASE, posix.O_RDONLY | posix.O_DIRECTORY)
print(kind(posix.stat("sub", dir_fd=dfd).st_mode), sorted(posix.listdir(dfd)))
posix.mkdir("made", dir_fd=dfd)
posix.rename("made", "made2", src_dir_fd=dfd, dst_dir_fd=dfd)
posix.rmdir("made2", dir_fd=dfd)
print(sorted(e.name for e in posix.scandir(dfd)))
posix.close(dfd)

made = posix.stat_result(range(10))
print(made, made.st_atime, made.st_ctime, made.st_atime_ns, posix.stat_result(range(10), {"st_atime": 1.5}).st_atime)
print(posix.stat_result(range(16)).st_atime_ns, posix.stat_result(range(17)).st_blksize)
show("stat_result short", lambda: posix.stat_result((1, 2)))
remove_tree(BASE)
print(posix.umask(old_mask) == 0o022)
print(sorted(n for n in posix.listdir("/tmp") if n.startswith("garter_os_posix_dirs")))
print(posix.DirEntry[str], posix.DirEntry[bytes].__args__)
