# TextIOWrapper positions over CRLF text, multi-byte characters and
# mixed read/readline/iteration, with several chunk sizes.
import _io

PATH = "/tmp/garter_io_text_positions_data"
with _io.FileIO(PATH, "w") as f:
    f.write("first\r\nsecond ✓\rthird\n\r\nfïfth\r\nend".encode("utf-8"))

for chunk in [1, 2, 4, 8192]:
    for newline in [None, ""]:
        with open(PATH, encoding="utf-8", newline=newline) as f:
            f._CHUNK_SIZE = chunk
            marks = []
            while True:
                position = f.tell()
                line = f.readline()
                if not line:
                    break
                marks.append((position, line))
            # Cookies are opaque (CPython packs decoder state into them): only
            # that seeking back to one gives the same line is checked.
            print(chunk, repr(newline), [line for position, line in marks])
            for position, line in marks:
                f.seek(position)
                assert f.readline() == line, (position, line)
            f.seek(0)
            pieces = [f.read(3), f.readline(), f.read(5), f.tell(), f.read(1), f.readline(4)]
            print(pieces)

with open(PATH, encoding="utf-8") as f:
    print(next(f), f.readline(), list(f))
    f.seek(0)
    print(f.read(), f.tell())
    f.seek(0)
    print(f.readlines(10), f.readlines())

with open(PATH, "w", encoding="utf-8") as f:
    print(f.tell(), f.write("ab✓\n"), f.tell(), f.write("c"), f.tell())
with open(PATH, "a", encoding="utf-8") as f:
    print(f.tell(), f.write("d\n"), f.tell())
with open(PATH, "r+", encoding="utf-8") as f:
    print(f.readline(), f.tell(), f.read(1), f.tell())
    f.seek(0, 2)
    print(f.tell(), f.write("tail"), f.tell())
    f.seek(0)
    print(repr(f.read()))
