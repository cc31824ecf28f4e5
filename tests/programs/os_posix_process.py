# posix: identity, fork/waitpid, exec, wait-status helpers, register_at_fork,
# environ/putenv, uname/times/sysconf, and _posixsubprocess.fork_exec.
import posix
import _posixsubprocess

print(posix.getpid() > 0, posix.getppid() > 0, posix.getpid() != posix.getppid())
print(type(posix.getuid()).__name__, posix.getuid() == posix.geteuid(), posix.getgid() == posix.getegid())
print(type(posix.getgroups()).__name__, posix.getpgrp() == posix.getpgid(0))
u = posix.uname()
print(type(u).__name__, type(u).__module__, len(u), u.sysname, u[0] == u.sysname)
t = posix.times()
print(type(t).__name__, len(t), all(isinstance(x, float) for x in t), t.user >= 0)
print(posix.cpu_count() >= 1, posix.sysconf("SC_PAGESIZE") == posix.sysconf(posix.sysconf_names["SC_PAGESIZE"]))
print(posix.confstr("CS_PATH") is not None, posix.pathconf("/", "PC_NAME_MAX") > 0)
for bad in ["SC_NOPE", 1.5]:
    try:
        posix.sysconf(bad)
    except Exception as e:
        print(type(e).__name__, e)
print(posix.error is OSError, posix.WNOHANG, posix.O_RDONLY, posix.O_CREAT, posix.F_OK, posix.X_OK, posix.EX_OK)
print(type(posix._have_functions).__name__, all(name.startswith("HAVE_") for name in posix._have_functions))

# wait-status helpers
for status in [0, 3 << 8, 9, 0x7f | (19 << 8), 0xffff, 0x80 | 6]:
    print(status, posix.WIFEXITED(status), posix.WEXITSTATUS(status), posix.WIFSIGNALED(status),
          posix.WTERMSIG(status), posix.WIFSTOPPED(status), posix.WSTOPSIG(status),
          posix.WIFCONTINUED(status), posix.WCOREDUMP(status))
print(posix.waitstatus_to_exitcode(3 << 8), posix.waitstatus_to_exitcode(9), posix.WIFEXITED(status=0))
try:
    posix.waitstatus_to_exitcode(0x7f | (19 << 8))
except ValueError as e:
    print(e)

# environment
print(type(posix.environ).__name__, all(type(k) is bytes and type(v) is bytes for k, v in posix.environ.items()))
print(posix.environ.get(b"GARTER_OS_TEST_MISSING"))
posix.putenv("GARTER_OS_TEST_VAR", "set by putenv")
posix.putenv(b"GARTER_OS_TEST_BYTES", b"bytes value")
for bad in [("", "x"), ("A=B", "x"), ("=B", "x"), ("A\0", "x"), ("A", "x\0"), (1, "x")]:
    try:
        posix.putenv(*bad)
    except Exception as e:
        print(type(e).__name__, e)
for bad in ["", "A=B", 1]:
    try:
        posix.unsetenv(bad)
    except Exception as e:
        print(type(e).__name__, e)
for bad in [{"A=B": "x"}, 5]:
    try:
        posix.execve("/bin/sh", ["sh"], bad)
    except Exception as e:
        print(type(e).__name__, e)

# register_at_fork + fork + waitpid
events = []
posix.register_at_fork(before=lambda: events.append("before1"), after_in_parent=lambda: events.append("parent1"))
posix.register_at_fork(before=lambda: events.append("before2"), after_in_parent=lambda: events.append("parent2"),
                       after_in_child=lambda: events.append("child"))
for bad in [{}, {"before": 5}]:
    try:
        posix.register_at_fork(**bad)
    except TypeError as e:
        print(e)

r, w = posix.pipe()
pid = posix.fork()
if pid == 0:
    posix.close(r)
    posix.write(w, ("child saw " + ",".join(events)).encode())
    posix._exit(7)
posix.close(w)
data = b""
while True:
    chunk = posix.read(r, 100)
    if not chunk:
        break
    data += chunk
posix.close(r)
print(data.decode())
print("parent saw", ",".join(events))
got, status = posix.waitpid(pid, 0)
print(got == pid, posix.WIFEXITED(status), posix.WEXITSTATUS(status), posix.waitstatus_to_exitcode(status))
try:
    posix.waitpid(pid, 0)
except ChildProcessError as e:
    print(type(e).__name__, e)

# a child killed by a signal
pid = posix.fork()
if pid == 0:
    while True:
        pass
posix.kill(pid, 9)
got, status = posix.waitpid(pid, 0)
print("killed", posix.WIFSIGNALED(status), posix.WTERMSIG(status), posix.waitstatus_to_exitcode(status))
try:
    posix.kill(pid, 0)
except ProcessLookupError as e:
    print(type(e).__name__, e)

# exec in a child
r, w = posix.pipe()
pid = posix.fork()
if pid == 0:
    posix.dup2(w, 1)
    posix.execve("/bin/sh", ["sh", "-c", "echo $GARTER_OS_TEST_VAR/$GARTER_X"], {"GARTER_X": "from execve", "GARTER_OS_TEST_VAR": "env"})
    posix._exit(99)
posix.close(w)
print(posix.read(r, 1000))
posix.close(r)
print(posix.WEXITSTATUS(posix.waitpid(pid, 0)[1]))
for args in [("/bin/sh", []), ("/bin/sh", ("",)), ("/bin/sh", "sh"), ("/bin/sh", [1]), ("/nonexistent/x", ["x"])]:
    try:
        posix.execv(*args)
    except Exception as e:
        print(type(e).__name__, e)
print(posix.WEXITSTATUS(posix.system("exit 5")))

# _posixsubprocess.fork_exec, as subprocess.py calls it
def read_all(fd):
    data = b""
    while True:
        chunk = posix.read(fd, 1000)
        if not chunk:
            break
        data += chunk
    posix.close(fd)
    return data


def run(args, executables, cwd=None, env=None, preexec=None, close_fds=True):
    c2pread, c2pwrite = posix.pipe()
    errpipe_read, errpipe_write = posix.pipe()
    pid = _posixsubprocess.fork_exec(
        args, executables, close_fds, (errpipe_write,), cwd, env,
        -1, -1, c2pread, c2pwrite, -1, -1, errpipe_read, errpipe_write,
        True, False, -1, None, None, None, -1, preexec, True)
    posix.close(c2pwrite)
    posix.close(errpipe_write)
    error = read_all(errpipe_read)
    out = read_all(c2pread)
    _, status = posix.waitpid(pid, 0)
    print("out", out, "errpipe", error, "exit", posix.waitstatus_to_exitcode(status))


run([b"echo", b"hello", "from fork_exec"], [b"/bin/echo"])
run([b"sh", b"-c", b"pwd; echo $GARTER_Y"], [b"/nonexistent/sh", b"/bin/sh"], cwd="/tmp", env=[b"GARTER_Y=y value"])
run([b"x"], [b"/nonexistent/x"])
run([b"sh"], [b"/bin/sh"], cwd="/nonexistent/dir")
run([b"sh", b"-c", b"echo $GARTER_OS_TEST_VAR"], [b"/bin/sh"], preexec=lambda: posix.putenv("GARTER_OS_TEST_VAR", "preexec"))
run([b"sh"], [b"/bin/sh"], preexec=lambda: 1 / 0)
for bad in [(5,), ([b"x"], [b"/bin/true"], True, (3, 2))]:
    try:
        _posixsubprocess.fork_exec(*bad)
    except Exception as e:
        print(type(e).__name__, e)

# a forked child that ends normally: SystemExit's code, or 0 at the end
import sys
for code in [3, None, "message"]:
    sys.stdout.flush()
    pid = posix.fork()
    if pid == 0:
        print("child printing before exit", code)
        sys.stdout.flush()
        raise SystemExit(code)
    print("exit code", posix.waitstatus_to_exitcode(posix.waitpid(pid, 0)[1]))
