def check(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '!!', type(e).__name__, e)
    else:
        print(label, '=>', repr(r))

# bytes and str with the builtins and protocols around them: ord, format, f-strings, iteration helpers.
check("ord(b'a'), ord(bytearray(b'z')), ord('é')", lambda: (ord(b'a'), ord(bytearray(b'z')), ord('é')))
check("ord(b'ab')", lambda: (ord(b'ab')))
check("ord(b'')", lambda: (ord(b'')))
check('f\'{b"x"} {bytearray(b"y")!r} {b"z"!s:>6}\'', lambda: (f'{b"x"} {bytearray(b"y")!r} {b"z"!s:>6}'))
check("format(b'abc'), format(b'abc', '')", lambda: (format(b'abc'), format(b'abc', '')))
check("format(b'abc', '>5')", lambda: (format(b'abc', '>5')))
check("list(reversed(b'abc')), sorted(b'cab'), max(b'abc'), sum(b'abc'), min(bytearray(b'zy')), list(enumerate(b'ab'))", lambda: (list(reversed(b'abc')), sorted(b'cab'), max(b'abc'), sum(b'abc'), min(bytearray(b'zy')), list(enumerate(b'ab'))))
check("b'abc'.__len__(), b'abc'.__contains__(97), b'a'.__add__(b'b'), b'a'.__mul__(2), b'a'.__rmul__(2), b'%s'.__mod__(b'x'), b'x'.__rmod__(b'y')", lambda: (b'abc'.__len__(), b'abc'.__contains__(97), b'a'.__add__(b'b'), b'a'.__mul__(2), b'a'.__rmul__(2), b'%s'.__mod__(b'x'), b'x'.__rmod__(b'y')))
check("b'abc'.__iter__().__next__(), type(iter(bytearray())).__name__, type(iter(b'')).__name__", lambda: (b'abc'.__iter__().__next__(), type(iter(bytearray())).__name__, type(iter(b'')).__name__))
check("type(iter('é')).__name__, type(iter('e')).__name__, list(iter('aé😀')), iter('é').__length_hint__()", lambda: (type(iter('é')).__name__, type(iter('e')).__name__, list(iter('aé😀')), iter('é').__length_hint__()))
check("isinstance(b'', bytes), issubclass(bytearray, bytes), bytes.__name__, bytearray.__qualname__, memoryview.__name__", lambda: (isinstance(b'', bytes), issubclass(bytearray, bytes), bytes.__name__, bytearray.__qualname__, memoryview.__name__))
check("b'ab' in [b'ab'], b'ab' in (bytearray(b'ab'),), {b'k': 1}.get(b'k'), b'x' in {b'x', b'y'}, b'z' not in {b'x', b'y'}", lambda: (b'ab' in [b'ab'], b'ab' in (bytearray(b'ab'),), {b'k': 1}.get(b'k'), b'x' in {b'x', b'y'}, b'z' not in {b'x', b'y'}))
check('[bytes([i]) for i in range(250, 256)]', lambda: ([bytes([i]) for i in range(250, 256)]))
check("dict.fromkeys(b'aab'), set(b'hello') == {104, 101, 108, 111}", lambda: (dict.fromkeys(b'aab'), set(b'hello') == {104, 101, 108, 111}))
def gen():
    yield b'a'
    yield b'b'
check("b'-'.join(gen()), bytearray(b'-').join(gen()), '-'.join(x.decode() for x in gen())", lambda: (b'-'.join(gen()), bytearray(b'-').join(gen()), '-'.join(x.decode() for x in gen())))
check("str(bytes(5)), repr(bytearray(2)), ascii(b'\\xff'), ascii('\\xff\\u0100')", lambda: (str(bytes(5)), repr(bytearray(2)), ascii(b'\xff'), ascii('\xff\u0100')))
