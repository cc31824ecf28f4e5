# _socket over a socketpair: echo round trips, buffers, timeouts,
# non-blocking mode, attributes and CPython's error messages.
import _socket as s


def attempt(label, function, *arguments):
    try:
        print(label, repr(function(*arguments)))
    except BaseException as error:
        print(label, type(error).__name__, error)


a, b = s.socketpair()
print(type(a).__name__, a.family == s.AF_UNIX, a.type == s.SOCK_STREAM, a.proto)
print(a.getsockname(), b.getpeername(), a.timeout, a.gettimeout(), a.getblocking())

for message in [b"hello", b"x" * 1000, bytearray(b"array"), memoryview(b"view")]:
    print(a.send(message), b.recv(4096))
a.sendall(b"y" * 60000)
total = 0
while total < 60000:
    total += len(b.recv(65536))
print("sendall", total)

b.sendall(b"abcdef")
buffer = bytearray(10)
print(a.recv_into(buffer, 3), buffer)
view = memoryview(buffer)[5:]
print(a.recv_into(view), buffer)
attempt("recv_into bytes", a.recv_into, bytes(3))
attempt("recv_into small", a.recv_into, bytearray(2), 5)
attempt("recv_into negative", a.recv_into, bytearray(2), -1)
attempt("recv negative", a.recv, -1)
attempt("send str", a.send, "text")

a.settimeout(0.05)
print("timeout", a.timeout, a.getblocking())
attempt("recv timeout", a.recv, 10)
a.setblocking(False)
print("nonblocking", a.timeout, a.getblocking())
attempt("recv nonblocking", a.recv, 10)
a.setblocking(True)
print("blocking", a.timeout)
attempt("settimeout negative", a.settimeout, -1)
attempt("settimeout str", a.settimeout, "x")

b.send(b"peek")
print(a.recv(10, s.MSG_PEEK), a.recv(10))
b.shutdown(s.SHUT_WR)
print("after shutdown", a.recv(10))

attempt("getsockopt", a.getsockopt, s.SOL_SOCKET, s.SO_TYPE)
attempt("getsockopt bytes", a.getsockopt, s.SOL_SOCKET, s.SO_TYPE, 4)

fd = b.fileno()
print("detach", b.detach() == fd, b.fileno())
c = s.socket(fileno=fd)
print(c.family == s.AF_UNIX, c.type == s.SOCK_STREAM)
c.close()
c.close()
print("closed", c.fileno())
attempt("send closed", c.send, b"x")
a.close()

print(s.socket(s.AF_INET, s.SOCK_STREAM | s.SOCK_NONBLOCK).timeout)
s.setdefaulttimeout(2.5)
print(s.getdefaulttimeout(), s.socket().timeout)
s.setdefaulttimeout(None)
print(s.getdefaulttimeout(), s.socket().timeout)
attempt("setdefaulttimeout", s.setdefaulttimeout, -1)
attempt("bad family", s.socket, 12345)
attempt("bad fileno", lambda: s.socket(fileno=-5))
print(s.error is OSError, s.timeout is TimeoutError, s.SocketType is s.socket)
print(s.gaierror.__mro__[:2], s.herror.__module__, s.has_ipv6)
