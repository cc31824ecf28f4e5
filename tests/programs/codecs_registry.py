# The codec registry: lookup through the encodings package, custom search
# functions, codecs.encode/decode, str.encode/bytes.decode through the
# registry, and the error handler registry.
import codecs
import _codecs

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

info = codecs.lookup('UTF-8')
print(info.name, info.encode is _codecs.utf_8_encode, info.decode('abc'.encode())[0])
print(codecs.lookup('latin-1').name, codecs.lookup('Latin_1').name, codecs.lookup('iso-8859-1').name)
print(codecs.lookup('cp1252').name, codecs.lookup('utf8').name, codecs.lookup('U8').name)
show('unknown', lambda: codecs.lookup('no-such-codec'))
show('cp1252 encode', lambda: 'Grüße, €5 – “x”'.encode('cp1252'))
show('cp1252 decode', lambda: b'Gr\xfc\xdfe, \x805 \x96 \x93x\x94'.decode('cp1252'))
show('cp1252 undefined', lambda: b'\x81'.decode('cp1252'))
show('cp1252 replace', lambda: b'a\x81b'.decode('cp1252', 'replace'))
show('cp1252 unencodable', lambda: 'aĀĂb'.encode('cp1252'))
show('cp1252 xmlcharref', lambda: 'aĀb'.encode('cp1252', 'xmlcharrefreplace'))
show('cp1252 backslash', lambda: 'aĀb'.encode('cp1252', 'backslashreplace'))
show('cp1252 ignore', lambda: 'aĀb'.encode('cp1252', 'ignore'))
show('koi8_r', lambda: 'привет'.encode('koi8_r'))
show('iso8859_15', lambda: b'\xa4'.decode('iso8859_15'))
show('mac_roman', lambda: 'π'.encode('mac_roman'))
show('cp437', lambda: bytes(range(176, 180)).decode('cp437'))
show('utf_8_sig', lambda: 'x'.encode('utf-8-sig'))
show('utf_8_sig decode', lambda: b'\xef\xbb\xbfx'.decode('utf-8-sig'))
show('rot13', lambda: codecs.encode('Hello', 'rot13'))
show('rot13 via str', lambda: 'Hello'.encode('rot13'))
show('rot13 via bytes', lambda: b'Uryyb'.decode('rot13'))
show('rot13 decode', lambda: codecs.decode('Uryyb', 'rot_13'))
show('codecs.encode default', lambda: codecs.encode('é'))
show('codecs.decode errors', lambda: codecs.decode(b'\xff', 'utf-8', 'replace'))
show('punycode', lambda: 'bücher'.encode('punycode'))

def search(name):
    if name == 'upper_demo':
        return codecs.CodecInfo(lambda s, errors='strict': (s.upper().encode(), len(s)),
                                lambda b, errors='strict': (bytes(b).decode().lower(), len(b)), name='upper_demo')
    return None
codecs.register(search)
print(codecs.lookup('Upper-Demo').name)
print('abc'.encode('upper demo'), b'ABC'.decode('upper_demo'))
print(codecs.encode('xyz', 'upper_demo'))
codecs.unregister(search)
show('after unregister', lambda: codecs.lookup('upper_demo'))

def bad_search(name):
    return 'not a tuple' if name == 'bad_demo' else None
codecs.register(bad_search)
show('bad search', lambda: codecs.lookup('bad_demo'))
show('register non-callable', lambda: codecs.register(1))

# Error handlers.
print(codecs.lookup_error('strict').__name__, codecs.lookup_error('replace').__name__)
show('lookup unknown handler', lambda: codecs.lookup_error('nope'))
show('unknown handler used', lambda: 'é'.encode('ascii', 'nope'))
show('unknown handler unused', lambda: 'e'.encode('ascii', 'nope'))
def handler(exc):
    if isinstance(exc, UnicodeEncodeError):
        return ('<%s>' % exc.object[exc.start:exc.end], exc.end)
    return ('[%r]' % exc.object[exc.start:exc.end], exc.end)
codecs.register_error('demo', handler)
show('custom encode', lambda: 'aéb'.encode('ascii', 'demo'))
show('custom decode', lambda: b'a\xffb'.decode('utf-8', 'demo'))
show('custom charmap', lambda: 'aĀb'.encode('cp1252', 'demo'))
codecs.register_error('bad', lambda exc: 42)
show('bad handler', lambda: 'é'.encode('ascii', 'bad'))
codecs.register_error('back', lambda exc: ('?', -1))
show('negative resume', lambda: 'aé'.encode('latin-1', 'demo'))
show('register_error non-callable', lambda: codecs.register_error('x', 5))

e = UnicodeEncodeError('ascii', 'aéb', 1, 2, 'ordinal not in range(128)')
for name in ['ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace']:
    show(name, lambda: codecs.lookup_error(name)(e))
d = UnicodeDecodeError('utf-8', b'a\xff\xfeb', 1, 3, 'invalid start byte')
for name in ['ignore', 'replace', 'backslashreplace', 'surrogateescape']:
    show(name, lambda: codecs.lookup_error(name)(d))
show('strict', lambda: codecs.lookup_error('strict')(e))
show('not an exception', lambda: codecs.lookup_error('replace')(42))
show('surrogatepass', lambda: codecs.lookup_error('surrogatepass')(UnicodeEncodeError('utf-8', '\ud800', 0, 1, 'x')))
