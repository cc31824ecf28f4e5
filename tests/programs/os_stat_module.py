# _stat (the accelerator stat.py imports): constants, mode tests, filemode, argument errors.
import _stat
import stat

names = sorted(n for n in dir(_stat) if not n.startswith("_"))
print(len(names), names[:5], names[-5:])
print([(n, getattr(_stat, n)) for n in names if n.isupper() and not n.startswith(("S_IS", "S_IMODE", "S_IFMT"))])
print(stat.S_ISDIR is _stat.S_ISDIR, stat.filemode is _stat.filemode)
modes = [0o040755, 0o100644, 0o120777, 0o060660, 0o020620, 0o010600, 0o140755, 0o7777, 0o107000, 0o104755, 0o102711, 0o041777, 0, 0o170000]
for mode in modes:
    print(oct(mode), _stat.filemode(mode), _stat.S_IMODE(mode), _stat.S_IFMT(mode),
          [f for f in ["S_ISDIR", "S_ISCHR", "S_ISBLK", "S_ISREG", "S_ISFIFO", "S_ISLNK", "S_ISSOCK", "S_ISDOOR", "S_ISPORT", "S_ISWHT"]
           if getattr(_stat, f)(mode)])
print(_stat.S_ISREG(True), _stat.filemode(2**32 - 1))
for bad in [-1, 2**32, "x", 1.5, None]:
    for function in [_stat.S_ISDIR, _stat.filemode, _stat.S_IMODE]:
        try:
            function(bad)
        except Exception as e:
            print(function.__name__, type(e).__name__, e)
try:
    _stat.S_ISDIR()
except TypeError as e:
    print(e)
