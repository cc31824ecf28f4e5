# json's native decoder (_json.scanstring and make_scanner): values,
# escapes, numbers, hooks, parse functions, memoised keys, and every
# JSONDecodeError message with its position.
import json
import _json
from collections import OrderedDict
from decimal import Decimal

print(json.decoder.c_scanstring is _json.scanstring, json.scanner.c_make_scanner is _json.make_scanner)
print(json.loads('{"a": [1, 2.5, -3e2, 1E+2, -0, 0.5e-3, true, false, null], "b": {}, "c": [], "d": ""}'))
print(ascii(json.loads('"x\\u00e9\\ud83d\\ude00\\ud800\\udc00\\n\\t\\"\\\\\\/\\b\\f\\r"')))
print(ascii(json.loads('"\\ud800x"')), ascii(json.loads('"\\ud800\\u0041"')), ascii(json.loads('"\\udc00"')))
print(json.loads("123456789012345678901234567890"), json.loads("-12345678901234567"), json.loads("1.7976931348623157e309"))
print(json.loads(' [ 1 , { "k" : "v" } ] '))
print(json.loads('[1, 2.5]', parse_int=str, parse_float=Decimal))
print(json.loads('[NaN, Infinity, -Infinity]'), json.loads('[NaN]', parse_constant=lambda s: "const " + s))
print(json.loads('{"a": 1, "b": 2, "a": 3}', object_pairs_hook=list))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=OrderedDict))
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
rows = json.loads('[{"key": 1}, {"key": 2}]')
print(rows, list(rows[0])[0] is list(rows[1])[0])
print(json.loads('"a\x01b"', strict=False))
print(_json.scanstring('"abc\\n" tail', 1), _json.scanstring('"x"', 1, False))
decoder = json.JSONDecoder()
print(decoder.raw_decode('{"a": 1} rest'), decoder.scan_once('[1, 2] x', 0))
for idx in (5, 100):
    try:
        decoder.scan_once('[1, 2]', idx)
    except StopIteration as e:
        print("StopIteration", e.value)
scanner = _json.make_scanner(decoder)
print(type(scanner).__name__, scanner.strict, scanner.parse_int is int, scanner.object_hook)

bad = ['[1,]', '{"a":1,}', '{"a" 1}', '"abc', '[1 2]', '', '   ', '{"a":1}x', '"\\x"', '"\\u12"',
       '"\\u12x4"', '"\\ud800\\u12"', '"\\ud800\\uzzzz"', '[', '[1', 'nul', 'tru', '-', '-x', '1.5e',
       '{', '{"a":', '{"a"', '{1: 2}', '"a\x01"', '[-]', '["a", ]', '{"a": 1 "b": 2}', '01', '.5', '"\\',
       '"\\u"', 'NaNx', '[Infinity, -Infinity, -Inf]', '\ufeff[]']
for text in bad:
    try:
        print(ascii(text), "->", json.loads(text))
    except json.JSONDecodeError as e:
        print(ascii(text), "JSONDecodeError", e.msg, e.pos, e.lineno, e.colno)
for call in [lambda: _json.scanstring(1, 0), lambda: _json.scanstring('"a"', 5),
             lambda: _json.scanstring('"a"', -1), lambda: scanner(b"[]", 0), lambda: scanner("[]", -1),
             lambda: _json.make_scanner(), lambda: json.loads('[' * 100000 + ']' * 100000)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, str(e)[:70])
