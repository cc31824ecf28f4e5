import sys
t = tuple(range(10)); l = list(range(10)); s = "abcdefghij"; b = bytes(range(10)); ba = bytearray(range(10))
for seq in (t, l, s, b, ba):
    print(seq[5::sys.maxsize], seq[-3::-sys.maxsize], seq[::sys.maxsize], seq[9:-11:-sys.maxsize])
l2 = list(range(10)); del l2[5::sys.maxsize]; print(l2)
l3 = list(range(10)); l3[5::sys.maxsize] = ['x']; print(l3)
ba2 = bytearray(range(10)); ba2[5::sys.maxsize] = b'x'; print(ba2); del ba2[3::sys.maxsize]; print(ba2)
