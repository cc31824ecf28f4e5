# Argument-count errors of posix and _stat functions: CPython's messages (METH_O/NOARGS name the module).
import posix, _stat
mods = {'S_IFMT': _stat, 'S_IMODE': _stat, 'filemode': _stat}
names = 'abort closerange confstr cpu_count dup execv filemode fork fstatvfs ftruncate get_blocking get_inheritable get_terminal_size getcwd getcwdb getgroups getloadavg getlogin getsid isatty kill killpg lseek pipe pipe2 putenv read set_blocking set_inheritable setpgid setsid strerror sync sysconf times ttyname umask uname unsetenv urandom wait waitpid write S_IFMT S_IMODE'.split()
for n in names:
    f = getattr(mods.get(n, posix), n)
    try:
        f(1, 2, 3, 4, 5)
    except TypeError as e:
        print(n, "|", e)
