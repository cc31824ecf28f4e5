# errno: the Linux table, compared with CPython.
import errno

names = sorted(name for name in dir(errno) if name.startswith("E"))
print(len(names), names[:5], names[-5:])
print([(name, getattr(errno, name)) for name in names])
print(len(errno.errorcode), sorted(errno.errorcode.items()))
print(errno.ENOENT, errno.EAGAIN, errno.EWOULDBLOCK, errno.errorcode[errno.EWOULDBLOCK], errno.errorcode[35],
      errno.ENOTSUP == errno.EOPNOTSUPP, errno.errorcode[errno.ENOTSUP])
print(list(errno.errorcode)[:10], list(errno.errorcode.values())[:10])
print(type(errno.errorcode), errno.__name__)
