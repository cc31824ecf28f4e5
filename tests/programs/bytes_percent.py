def check(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '!!', type(e).__name__, e)
    else:
        print(label, '=>', repr(r))

# printf-style formatting of bytes and bytearray.
check("b'%s %b' % (b'ab', bytearray(b'cd'))", lambda: (b'%s %b' % (b'ab', bytearray(b'cd'))))
check("b'%s' % memoryview(b'mv')", lambda: (b'%s' % memoryview(b'mv')))
check("b'%r %a' % ('\\xe9', b'x')", lambda: (b'%r %a' % ('\xe9', b'x')))
check("b'%d %i %u %x %X %o %#x %#o' % (42, -7, 3, 255, 255, 8, 255, 8)", lambda: (b'%d %i %u %x %X %o %#x %#o' % (42, -7, 3, 255, 255, 8, 255, 8)))
check("b'%5d|%-5d|%05d|%+d|% d' % (42, 42, 42, 42, 42)", lambda: (b'%5d|%-5d|%05d|%+d|% d' % (42, 42, 42, 42, 42)))
check("b'%.2f %e %g %10.3f|' % (3.14159, 1234.5, 0.0001, 2.5)", lambda: (b'%.2f %e %g %10.3f|' % (3.14159, 1234.5, 0.0001, 2.5)))
check("b'%c%c%c' % (65, b'B', bytearray(b'C'))", lambda: (b'%c%c%c' % (65, b'B', bytearray(b'C'))))
check("b'%5s|%-5s|%.1s|' % (b'ab', b'ab', b'ab')", lambda: (b'%5s|%-5s|%.1s|' % (b'ab', b'ab', b'ab')))
check("b'%(a)s %(b)d' % {b'a': b'x', b'b': 2}", lambda: (b'%(a)s %(b)d' % {b'a': b'x', b'b': 2}))
check("b'%*d|%.*f' % (4, 1, 1, 2.25)", lambda: (b'%*d|%.*f' % (4, 1, 1, 2.25)))
check("b'%%' % ()", lambda: (b'%%' % ()))
check("b'abc' % ()", lambda: (b'abc' % ()))
check("b'abc' % {}", lambda: (b'abc' % {}))
check("b'abc' % b'x'", lambda: (b'abc' % b'x'))
check("bytearray(b'%s-%s') % (b'a', b'b')", lambda: (bytearray(b'%s-%s') % (b'a', b'b')))
check("type(bytearray(b'%s') % b'a').__name__", lambda: (type(bytearray(b'%s') % b'a').__name__))
class HasBytes:
    def __bytes__(self):
        return b'HB'
check("b'%s' % HasBytes()", lambda: (b'%s' % HasBytes()))
check("b'%c' % 300", lambda: (b'%c' % 300))
check("b'%c' % 'a'", lambda: (b'%c' % 'a'))
check("b'%c' % b'ab'", lambda: (b'%c' % b'ab'))
check("b'%s' % 'a'", lambda: (b'%s' % 'a'))
check("b'%s' % 1", lambda: (b'%s' % 1))
check("b'%d' % 'a'", lambda: (b'%d' % 'a'))
check("b'%x' % 1.5", lambda: (b'%x' % 1.5))
check("b'abc' % 1", lambda: (b'abc' % 1))
check("b'%s %s' % (b'x',)", lambda: (b'%s %s' % (b'x',)))
check("b'%(a)s' % {'a': b'x'}", lambda: (b'%(a)s' % {'a': b'x'}))
check("b'%(a)s' % (1,)", lambda: (b'%(a)s' % (1,)))
check("b'%y' % 1", lambda: (b'%y' % 1))
check("b'%b' % b'x'", lambda: (b'%b' % b'x'))
check("'%b' % 1", lambda: ('%b' % 1))
