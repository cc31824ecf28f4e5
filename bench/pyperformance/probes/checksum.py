"""A checksum of a file's bytes in plain Python (no hashlib needed)."""


def file_checksum(path):
    with open(path, "rb") as f:
        data = f.read()
    value = 0
    for byte in data:
        value = (value * 131 + byte) % 2305843009213693951
    return "%d bytes, checksum %d" % (len(data), value)
