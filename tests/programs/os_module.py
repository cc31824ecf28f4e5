# The os module (CPython's os.py and posixpath.py over Garter's posix):
# walk/fwalk, makedirs/removedirs/renames, environ, path queries, supports_*.
import os
import os.path
import stat

BASE = "/tmp/garter_os_module"


def remove_tree(top):
    if not os.path.lexists(top):
        return
    for root, dirs, files in os.walk(top, topdown=False):
        for name in files:
            os.unlink(os.path.join(root, name))
        for name in dirs:
            path = os.path.join(root, name)
            if os.path.islink(path):
                os.unlink(path)
            else:
                os.rmdir(path)
    os.rmdir(top)


remove_tree(BASE)
os.umask(0o022)
os.makedirs(BASE + "/a/b/c")
os.makedirs(BASE + "/a/b/c", exist_ok=True)
try:
    os.makedirs(BASE + "/a")
except FileExistsError as e:
    print(type(e).__name__, e)
for name in ["a/one.txt", "a/b/two.txt", "top.txt"]:
    fd = os.open(os.path.join(BASE, name), os.O_WRONLY | os.O_CREAT, 0o644)
    os.write(fd, name.encode())
    os.close(fd)
os.symlink("a", os.path.join(BASE, "link_to_a"))

print(sorted(os.walk(BASE)))
print(sorted(os.walk(BASE, followlinks=True))[-1])
print([(root, sorted(dirs), sorted(files)) for root, dirs, files in sorted(os.walk(BASE, topdown=False))][:2])
print(sorted((root, sorted(dirs), sorted(files)) for root, dirs, files, fd in os.fwalk(BASE)))
print(list(os.walk(BASE + "/missing")))
errors = []
list(os.walk(BASE + "/missing", onerror=errors.append))
print([type(e).__name__ for e in errors])

os.renames(BASE + "/a/b/two.txt", BASE + "/x/y/moved.txt")
print(sorted(os.listdir(BASE)), os.listdir(BASE + "/x/y"))
os.removedirs(BASE + "/a/b/c")
print(sorted(os.listdir(BASE)), os.path.exists(BASE + "/a/b"))

# path queries
top = os.path.join(BASE, "top.txt")
print(os.path.exists(top), os.path.isfile(top), os.path.isdir(top), os.path.islink(top), os.path.getsize(top))
print(os.path.isdir(BASE + "/link_to_a"), os.path.islink(BASE + "/link_to_a"), os.path.lexists(BASE + "/nope"))
print(os.path.realpath(BASE + "/link_to_a/one.txt"), os.path.samefile(BASE + "/a", BASE + "/link_to_a"))
print(os.path.ismount("/"), os.path.ismount(BASE), os.path.getmtime(top) == os.stat(top).st_mtime)
print(os.path.abspath("rel") == os.path.join(os.getcwd(), "rel"), os.path.relpath(BASE + "/a", BASE))
st = os.stat(top)
print(stat.S_ISREG(st.st_mode), stat.filemode(st.st_mode), oct(stat.S_IMODE(st.st_mode)))
print(stat.S_ISLNK(os.lstat(BASE + "/link_to_a").st_mode), isinstance(st, os.stat_result))
with os.scandir(BASE) as it:
    entries = sorted(it, key=lambda e: e.name)
print([(e.name, e.is_dir(), e.is_symlink()) for e in entries], isinstance(entries[0], os.PathLike))
print(os.fspath(entries[0]) == entries[0].path, os.path.basename(entries[0]), os.path.join(entries[0], "z").endswith("/z"))

# environment
os.environ["GARTER_OS_MODULE"] = "value one"
print(os.environ["GARTER_OS_MODULE"], os.getenv("GARTER_OS_MODULE"), os.environb[b"GARTER_OS_MODULE"])
print(os.system("test \"$GARTER_OS_MODULE\" = 'value one'"), os.system("exit 3") >> 8)
del os.environ["GARTER_OS_MODULE"]
print(os.getenv("GARTER_OS_MODULE", "gone"), os.system("test -z \"$GARTER_OS_MODULE\""))
os.environ.setdefault("GARTER_OS_DEFAULT", "d")
print(os.environ.pop("GARTER_OS_DEFAULT"), "GARTER_OS_DEFAULT" in os.environ)
try:
    os.environ["GARTER_BAD"] = 5
except TypeError as e:
    print(e)
try:
    os.environ["MISSING_GARTER_KEY"]
except KeyError as e:
    print("KeyError", e)
old_home = os.environ.get("HOME")
os.environ["HOME"] = "/home/garter"
print(os.path.expanduser("~/x"), os.path.expanduser("~"))
if old_home is None:
    del os.environ["HOME"]
else:
    os.environ["HOME"] = old_home

# what os.py derived from posix
print(os.name, os.sep, os.curdir, os.pardir, os.extsep, os.altsep, os.pathsep, os.linesep == "\n", os.devnull)
print(os.stat in os.supports_dir_fd, os.open in os.supports_dir_fd, os.scandir in os.supports_fd,
      os.stat in os.supports_follow_symlinks, os.access in os.supports_effective_ids)
print(os.fsencode("\udcff"), os.fsdecode(b"\xff") == "\udcff", os.get_terminal_size.__name__)
print(os.SEEK_SET, os.SEEK_CUR, os.SEEK_END, os.P_WAIT if hasattr(os, "P_WAIT") else None)
print(callable(os.fork), callable(os.register_at_fork), os.error is OSError, os.cpu_count() >= 1)
remove_tree(BASE)
print(os.path.exists(BASE))
