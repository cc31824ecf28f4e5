# Two threads feeding one hash object (or zlib stream) at once: large
# updates run without the GIL, so each object's own lock must keep its
# state whole. Both threads feed the same block, so any interleaving gives
# the same result.
import _thread
import _blake2
import _hashlib
import zlib

block = bytes(range(256)) * 256 + b"x" * 10     # 64 KiB and a bit
ROUNDS = 4


def run_two(work):
    done = []
    for _ in range(2):
        lock = _thread.allocate_lock()
        lock.acquire()
        done.append(lock)
        _thread.start_new_thread(lambda lock=lock: (work(), lock.release()), ())
    for lock in done:
        lock.acquire()


for make in [lambda: _hashlib.new("sha256"), lambda: _hashlib.new("sha3_512"), lambda: _blake2.blake2b(key=b"k"),
             lambda: _blake2.blake2s(), lambda: _hashlib.hmac_new(b"key", digestmod="sha1")]:
    shared = make()

    def feed():
        for i in range(ROUNDS):
            shared.update(block)
            shared.copy().digest()        # takes the lock with the GIL held

    run_two(feed)
    expected = make()
    for _ in range(2 * ROUNDS):
        expected.update(block)
    print(shared.name, shared.hexdigest() == expected.hexdigest())

compressor = zlib.compressobj()
pieces = []


def squeeze():
    for _ in range(ROUNDS):
        pieces.append(compressor.compress(block))


run_two(squeeze)
packed = b"".join(pieces) + compressor.flush()
print("zlib", zlib.decompress(packed) == block * (2 * ROUNDS))

packed = zlib.compress(block * 8)
decompressor = zlib.decompressobj()
outputs = []


def expand():
    for _ in range(4):
        outputs.append(len(zlib.decompress(packed)))


run_two(expand)
print("zlib.decompress", outputs)
