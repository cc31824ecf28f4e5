# select.select, select.poll and select.epoll on socketpairs: readiness,
# timeouts, registration errors.
import _socket as s
import select


def attempt(label, function, *arguments):
    try:
        print(label, repr(function(*arguments)))
    except BaseException as error:
        print(label, type(error).__name__, error)


a, b = s.socketpair()
c, d = s.socketpair()


class Wrapper:
    def __init__(self, sock):
        self.sock = sock

    def fileno(self):
        return self.sock.fileno()

    def __repr__(self):
        return "Wrapper"


print(select.select([a, c], [], [], 0))
b.send(b"x")
r, w, x = select.select([a, Wrapper(c)], [a, b], [], 1.5)
print(r == [a], len(w), x)
r, w, x = select.select((a, c), (), (), None)
print(r == [a], w, x)
d.send(b"y")
r, w, x = select.select([Wrapper(c), a], [], [])
print([type(item).__name__ for item in r])
print(a.recv(1), c.recv(1))
print(select.select([a], [], [], 0.01))
attempt("negative", select.select, [], [], [], -1)
attempt("timeout type", select.select, [], [], [], "1")
attempt("not sequence", select.select, 1, [], [])
attempt("bad item", select.select, ["x"], [], [])
attempt("negative fd", select.select, [-1], [], [])
attempt("few args", select.select, [], [])
print(select.error is OSError)

p = select.poll()
p.register(a, select.POLLIN)
p.register(c.fileno())
names = {a.fileno(): "a", c.fileno(): "c"}
print(sorted((names[fd], ev) for fd, ev in p.poll(0)))
b.send(b"z")
print(sorted((fd == a.fileno(), ev) for fd, ev in p.poll(100)))
p.modify(a, select.POLLOUT)
print(sorted((fd == a.fileno(), ev) for fd, ev in p.poll()))
p.unregister(c)
print(sorted((fd == a.fileno(), ev) for fd, ev in p.poll(None)))
p.register(a, select.POLLIN | select.POLLPRI)
print([(fd == a.fileno(), ev) for fd, ev in p.poll(1.5)])
attempt("modify missing", p.modify, d, select.POLLIN)
try:
    p.unregister(d.fileno())
except KeyError as error:
    print("unregister missing", error.args == (d.fileno(),))
attempt("mask negative", p.register, d, -1)
attempt("mask big", p.register, d, 2**16)
attempt("mask str", p.register, d, "x")
attempt("poll timeout", p.poll, "x")
attempt("poll huge", p.poll, 2**70)
attempt("register fileno", p.register, "x")
print(a.recv(5))
print(p.poll(0))

e = select.epoll()
print(type(e).__name__, e.closed, e.fileno() >= 0)
e.register(a, select.EPOLLIN)
e.register(c)
print(len(e.poll(0)))
b.send(b"w")
print([(fd == a.fileno(), ev) for fd, ev in e.poll(1)])
e.modify(a, select.EPOLLIN | select.EPOLLOUT)
print([(fd == a.fileno(), ev) for fd, ev in e.poll(timeout=1, maxevents=4)])
e.unregister(a)
print([(fd == c.fileno(), ev) for fd, ev in e.poll(0)])
attempt("register twice", e.register, c)
attempt("unregister missing", e.unregister, a)
attempt("modify missing", e.modify, a, select.EPOLLIN)
attempt("maxevents", e.poll, 0, 0)
attempt("timeout type", e.poll, "x")
attempt("sizehint", select.epoll, 0)
attempt("flags", select.epoll, -1, 5)
e.close()
e.close()
print(e.closed)
attempt("closed fileno", e.fileno)
attempt("closed register", e.register, a)
with select.epoll() as f:
    print("with", f.closed)
print("after", f.closed)
for name in ["POLLIN", "POLLOUT", "POLLERR", "POLLHUP", "POLLNVAL", "POLLPRI", "EPOLLIN", "EPOLLOUT", "EPOLLET", "EPOLLONESHOT", "EPOLLEXCLUSIVE", "EPOLL_CLOEXEC", "PIPE_BUF"]:
    print(name, getattr(select, name))
