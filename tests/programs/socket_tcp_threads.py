# A TCP echo server on 127.0.0.1 (port 0) in a thread started with
# _thread, and a client in the main thread; then UDP datagrams.
import _socket as s
import _thread

server = s.socket(s.AF_INET, s.SOCK_STREAM)
server.setsockopt(s.SOL_SOCKET, s.SO_REUSEADDR, 1)
print("reuseaddr", server.getsockopt(s.SOL_SOCKET, s.SO_REUSEADDR) != 0)
server.bind(("127.0.0.1", 0))
server.listen()
host, port = server.getsockname()
print("listening", host, port > 0)
done = _thread.allocate_lock()
done.acquire()
log = []


def serve():
    fd, address = server._accept()
    log.append(("accepted", address[0], type(fd).__name__))
    connection = s.socket(s.AF_INET, s.SOCK_STREAM, 0, fd)
    while True:
        data = connection.recv(1024)
        if not data:
            break
        connection.sendall(data.upper())
    connection.close()
    log.append("server done")
    done.release()


_thread.start_new_thread(serve, ())
client = s.socket(s.AF_INET, s.SOCK_STREAM)
client.settimeout(10)
client.connect((host, port))
print("peer", client.getpeername() == (host, port))
for word in [b"alpha", b"beta", b"gamma" * 100]:
    client.sendall(word)
    received = b""
    while len(received) < len(word):
        received += client.recv(4096)
    print(received[:20], len(received))
client.shutdown(s.SHUT_WR)
print("eof", client.recv(10))
client.close()
done.acquire()
print(log)
server.close()

# connect_ex to a port nobody listens on (the server's, now closed)
probe = s.socket(s.AF_INET, s.SOCK_STREAM)
import errno
print("connect_ex", errno.errorcode.get(probe.connect_ex((host, port))))
try:
    probe.connect((host, port))
except OSError as error:
    print(type(error).__name__, error.errno == errno.ECONNREFUSED)
probe.close()

# accept with a timeout and nobody connecting
lonely = s.socket()
lonely.bind(("127.0.0.1", 0))
lonely.listen(1)
lonely.settimeout(0.05)
try:
    lonely._accept()
except TimeoutError as error:
    print("accept", type(error).__name__, error)
lonely.setblocking(False)
try:
    lonely._accept()
except BlockingIOError as error:
    print("accept", type(error).__name__, error.errno == errno.EAGAIN)
lonely.close()

# UDP
receiver = s.socket(s.AF_INET, s.SOCK_DGRAM)
receiver.bind(("127.0.0.1", 0))
sender = s.socket(s.AF_INET, s.SOCK_DGRAM)
sender.bind(("127.0.0.1", 0))
print(sender.sendto(b"datagram", receiver.getsockname()))
data, address = receiver.recvfrom(100)
print(data, address == sender.getsockname())
print(sender.sendto(b"flags", 0, receiver.getsockname()))
buffer = bytearray(3)
count, address = receiver.recvfrom_into(buffer)
print(count, buffer, address == sender.getsockname())
receiver.close()
sender.close()
