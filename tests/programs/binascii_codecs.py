# binascii: hex, base64, quoted-printable, uuencode, crc32, crc_hqx.
import binascii

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

data = bytes(range(256))
print(binascii.hexlify(b"\x01\x02\xab\xff"), binascii.b2a_hex(data[:20]))
for sep in ["-", b":", " "]:
    for n in [1, 2, 3, -1, -2, -3, 0, 10]:
        print(repr(sep), n, binascii.hexlify(b"\x01\x02\x03\x04\x05", sep, n))
print(binascii.hexlify(b"", "-"), binascii.hexlify(b"\x01", "-", 2), binascii.b2a_hex(b"ab", sep="_"))
show(lambda: binascii.hexlify(b"ab", "--"))
show(lambda: binascii.hexlify(b"ab", "\xe9"))
show(lambda: binascii.hexlify(b"ab", 1))
show(lambda: binascii.hexlify("ab"))
print(binascii.unhexlify(b"0102abFF"), binascii.a2b_hex("deadBEEF"), binascii.unhexlify(bytearray(b"00")))
show(lambda: binascii.unhexlify(b"abc"))
show(lambda: binascii.unhexlify(b"zz"))
show(lambda: binascii.unhexlify("\xe9\xe9"))
show(lambda: binascii.unhexlify(12))

for n in range(0, 8):
    chunk = data[100:100 + n]
    enc = binascii.b2a_base64(chunk)
    print(n, enc, binascii.b2a_base64(chunk, newline=False), binascii.a2b_base64(enc) == chunk)
print(binascii.b2a_base64(data))
print(binascii.a2b_base64(binascii.b2a_base64(data)) == data)
for text in [b"YWJj", b"YWJjZA==", b"YWJjZA=", b"YWJjZA", b"YWJjZ", b"Y", b"YW Jj\nZA==", b"YWJjZA==garbage",
             b"YW=Jj", b"=YWJj", b"YWJj====", b"YWJjZA=\n=", b"Y!W@J#j", b"", b"====", b"YQ", b"YQ=", "YWJj",
             b"YWJjZGVm" * 3 + b"Z"]:
    show(lambda: binascii.a2b_base64(text))
    show(lambda: binascii.a2b_base64(text, strict_mode=True))
show(lambda: binascii.a2b_base64("\xe9"))
show(lambda: binascii.a2b_base64(1))
show(lambda: binascii.b2a_base64("abc"))
print(issubclass(binascii.Error, ValueError), issubclass(binascii.Incomplete, Exception), binascii.Error.__module__)

# Quoted-printable.
qp_samples = [b"hello world", b"caf\xc3\xa9 = 100%", b"tab\there \n", b"trailing space \nnext", b"a\r\nb \r\nc",
              b"." , b".\n", b"x" * 100, b"=" * 40, b"a_b c", b"line\n.\nend", b"\x00\x01\x7f\x80\xff",
              b"y" * 74 + b"\n" + b"z" * 76, b"word " * 30, b"end with tab\t", b"\r\n", b"mixed\r\nline\nends"]
for s in qp_samples:
    for quotetabs in [False, True]:
        for istext in [True, False]:
            for header in [False, True]:
                enc = binascii.b2a_qp(s, quotetabs, istext, header)
                print(enc, binascii.a2b_qp(enc, header) == s or binascii.a2b_qp(enc, header))
for s in [b"=41=42", b"=4", b"=", b"=\nx", b"=\r\nx", b"==41", b"=zz", b"a_b", b"=4g", b"soft=  \nbreak", "=41"]:
    print(binascii.a2b_qp(s), binascii.a2b_qp(s, header=True))
print(binascii.b2a_qp(data=b"x y", quotetabs=True, header=True))

# uuencode.
for n in [0, 1, 2, 3, 10, 45]:
    line = binascii.b2a_uu(data[:n])
    print(n, line, binascii.b2a_uu(data[:n], backtick=True), binascii.a2b_uu(line) == data[:n])
for s in [b"", b"\n", b"!80``\n", b"#86)C\n", b"#86)C   \n", b"#86)C  x\n", b"#8\x006)C\n", b"$86)C", "#86)C"]:
    show(lambda: binascii.a2b_uu(s))
show(lambda: binascii.b2a_uu(bytes(46)))

# Checksums.
for s in [b"", b"a", b"hello world", data]:
    print(binascii.crc32(s), binascii.crc32(s, 99), binascii.crc_hqx(s, 0), binascii.crc_hqx(s, 0xffff), binascii.crc_hqx(s, 2**20 + 3))
crc = 0
for i in range(0, 256, 50):
    crc = binascii.crc32(data[i:i + 50], crc)
print(crc == binascii.crc32(data))
show(lambda: binascii.crc_hqx(b"a"))
