# _socket's address conversions and byte-order functions, and address
# arguments of AF_INET/AF_INET6/AF_UNIX sockets.
import _socket as s


def attempt(label, function, *arguments):
    try:
        print(label, repr(function(*arguments)))
    except BaseException as error:
        print(label, type(error).__name__, error)


for name in ["htons", "ntohs"]:
    for value in [0, 1, 258, 65535, -1, 65536, "x"]:
        attempt(name, getattr(s, name), value)
for name in ["htonl", "ntohl"]:
    for value in [0, 1, 0x01020304, 2**32 - 1, -1, 2**32, 2**70, 1.5]:
        attempt(name, getattr(s, name), value)
for text in ["1.2.3.4", "1", "1.2", "255.255.255.255", "x", "1.2.3.4.5", b"1.2.3.4"]:
    attempt("inet_aton", s.inet_aton, text)
for packed in [b"\x01\x02\x03\x04", b"\x7f\x00\x00\x01", b"\x01", bytearray(4), "1234"]:
    attempt("inet_ntoa", s.inet_ntoa, packed)
for family, text in [(s.AF_INET, "10.0.0.1"), (s.AF_INET, "10.0.0"), (s.AF_INET6, "::1"),
                     (s.AF_INET6, "fe80::1:2"), (s.AF_INET6, "::ffff:1.2.3.4"), (s.AF_INET6, ":::"), (12345, "1.2.3.4")]:
    attempt("inet_pton", s.inet_pton, family, text)
for family, packed in [(s.AF_INET, b"\x0a\x00\x00\x01"), (s.AF_INET, b"\x01"), (s.AF_INET6, bytes(15) + b"\x01"),
                       (s.AF_INET6, b"\xfe\x80" + bytes(13) + b"\x01"), (s.AF_INET6, bytes(4)), (12345, b"1234")]:
    attempt("inet_ntop", s.inet_ntop, family, packed)

tcp = s.socket(s.AF_INET, s.SOCK_STREAM)
attempt("bind str", tcp.bind, "x")
attempt("bind port", tcp.bind, ("127.0.0.1", 70000))
attempt("bind single", tcp.bind, ("127.0.0.1",))
attempt("bind host int", tcp.bind, (1, 2))
attempt("connect port", tcp.connect, ("127.0.0.1", -1))
attempt("getpeername", tcp.getpeername)
attempt("getsockname", tcp.getsockname)
attempt("bad host", tcp.bind, ("300.1.2.3", 0) if False else ("", 0))
print(tcp.getsockname()[0])
tcp.close()

six = s.socket(s.AF_INET6, s.SOCK_DGRAM)
six.bind(("::1", 0))
name = six.getsockname()
print(name[0], type(name[1]).__name__, name[2:], len(name))
attempt("bind six", six.bind, ("::1",))
six.close()

unix = s.socket(s.AF_UNIX, s.SOCK_STREAM)
print(repr(unix.getsockname()))
attempt("bind unix int", unix.bind, 5)
attempt("bind unix long", unix.bind, "x" * 200)
unix.bind(b"\x00garter-test-abstract-%d" % id(unix))
print(type(unix.getsockname()).__name__, unix.getsockname()[:21])
unix.close()

print(s.gethostbyname("127.0.0.1"), s.gethostbyname("localhost"))
print(type(s.gethostname()).__name__)
for info in s.getaddrinfo("127.0.0.1", 80, s.AF_INET, s.SOCK_STREAM):
    print(info)
for info in s.getaddrinfo(None, 8080, s.AF_INET, s.SOCK_DGRAM, 0, s.AI_PASSIVE):
    print(info)
for info in s.getaddrinfo("::1", "443", s.AF_INET6, s.SOCK_STREAM):
    print(info)
attempt("getaddrinfo port", s.getaddrinfo, "127.0.0.1", 1.5)
attempt("getaddrinfo service", s.getaddrinfo, "127.0.0.1", "no-such-service-garter", s.AF_INET, s.SOCK_STREAM)
