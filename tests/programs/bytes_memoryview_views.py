def check(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '!!', type(e).__name__, e)
    else:
        print(label, '=>', repr(r))

# memoryview: views of views, strided writes, comparisons across formats.
check("memoryview(b'ab').cast('c') == b'ab', memoryview(b'ab').cast('c') == memoryview(b'ab').cast('c'), memoryview(b'ab').cast('b') == b'ab'", lambda: (memoryview(b'ab').cast('c') == b'ab', memoryview(b'ab').cast('c') == memoryview(b'ab').cast('c'), memoryview(b'ab').cast('b') == b'ab'))
check("memoryview(b'\\xff').cast('b') == b'\\xff', memoryview(b'\\x01\\x00').cast('H') == memoryview(b'\\x01\\x00\\x00\\x00').cast('I')[:1]", lambda: (memoryview(b'\xff').cast('b') == b'\xff', memoryview(b'\x01\x00').cast('H') == memoryview(b'\x01\x00\x00\x00').cast('I')[:1]))
check("memoryview(b'\\x00\\x00\\xc0\\x7f').cast('f') == memoryview(b'\\x00\\x00\\xc0\\x7f').cast('f')", lambda: (memoryview(b'\x00\x00\xc0\x7f').cast('f') == memoryview(b'\x00\x00\xc0\x7f').cast('f')))
m = memoryview(b'abcdef')
check("m[1:5][1:3].tobytes(), m[::-1][::2].tobytes(), m[5:1:-2].tolist(), m[1:5][::-1].obj == b'abcdef'", lambda: (m[1:5][1:3].tobytes(), m[::-1][::2].tobytes(), m[5:1:-2].tolist(), m[1:5][::-1].obj == b'abcdef'))
check('memoryview(m[1:4]).tobytes(), len(memoryview(m[::2]))', lambda: (memoryview(m[1:4]).tobytes(), len(memoryview(m[::2]))))
v = memoryview(bytearray(b'0123456789'))
v[2:8][::3] = b'XY'; print(v.obj)
v[::-1][0] = 65; print(v.obj)
check("memoryview(bytearray(b'ab')).cast('c').__setitem__(0, b'')", lambda: (memoryview(bytearray(b'ab')).cast('c').__setitem__(0, b'')))
check("memoryview(b'abcd').cast('H').__getitem__(slice(0, 1)).tolist(), memoryview(b'abcd').cast('H')[::-1].tolist(), memoryview(b'abcd').cast('H').nbytes", lambda: (memoryview(b'abcd').cast('H').__getitem__(slice(0, 1)).tolist(), memoryview(b'abcd').cast('H')[::-1].tolist(), memoryview(b'abcd').cast('H').nbytes))
check("str(memoryview(b'')) == repr(memoryview(b'')), bool(memoryview(b'')), bool(memoryview(b'x'))", lambda: (str(memoryview(b'')) == repr(memoryview(b'')), bool(memoryview(b'')), bool(memoryview(b'x'))))
