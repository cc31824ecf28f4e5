# json's native encoder (_json.make_encoder, encode_basestring(_ascii)):
# every kind of value, separators, sort_keys, skipkeys, allow_nan,
# default, subclasses, circular references, and the error messages.
import json
import _json
from collections import OrderedDict

print(json.encoder.c_make_encoder is _json.make_encoder)
print(json.dumps({"a": [1, 2.5, None, True, False, "\u00e9\U0001f600\x01\n\"\\"], 3: 4.0, None: 1, True: 2, 1.5: 3}))
print(json.dumps({"a": "\u00e9\U0001f600", "b": (1, 2)}, ensure_ascii=False))
print(json.dumps({"b": 1, "a": [1, {"d": 2, "c": 3}]}, sort_keys=True, separators=(",", ":")))
print(json.dumps([1e300 * 10, -1e300 * 10, 1e-7, 0.1, -0.0, 10 ** 30, -5]))
print(json.dumps(OrderedDict([("z", 1), ("a", 2)])), json.dumps([[], {}, (), [[]]]))
print(_json.encode_basestring_ascii("a\u00e9\U0001f600\"\\\x00\x1f\x7f"), ascii(_json.encode_basestring("a\x01\n\"\u00e9\ud800")))


class MyInt(int):
    def __repr__(self):
        return "MyInt!"


class MyFloat(float):
    def __repr__(self):
        return "MyFloat!"


class MyStr(str):
    pass


class MyList(list):
    pass


class MyDict(dict):
    def items(self):
        return reversed(list(super().items()))


print(json.dumps([MyInt(5), MyFloat(2.5), MyStr("s"), MyList([1]), MyDict(a=1, b=2), {MyInt(7): 1}]))
print(json.dumps({(1, 2): 3, "k": 4}, skipkeys=True))


class Point:
    def __init__(self, x):
        self.x = x


print(json.dumps([Point(1), Point(2)], default=lambda p: {"x": p.x}))
a = [object()] * 10


def crasher(obj):
    del a[-1]


print(json.dumps(a, default=crasher))
loop = []
loop.append(loop)
cyclic = {}
cyclic["self"] = cyclic
for call in [lambda: json.dumps(float("nan"), allow_nan=False), lambda: json.dumps(loop),
             lambda: json.dumps(cyclic), lambda: json.dumps(Point(1)), lambda: json.dumps({(1, 2): 3}),
             lambda: json.dumps(Point(1), default=lambda o: o), lambda: json.dumps({1: 2, "a": 3}, sort_keys=True),
             lambda: json.dumps(loop, check_circular=False), lambda: _json.encode_basestring(1),
             lambda: _json.encode_basestring_ascii(b"x"),
             lambda: _json.make_encoder([], None, None, None, ":", ",", False, False, True),
             lambda: _json.make_encoder(None, None, None, None, 1, ",", False, False, True),
             lambda: json.JSONEncoder(default=lambda o: 1).encode({"a": object()})]:
    try:
        print(repr(call())[:80])
    except Exception as e:
        print(type(e).__name__, str(e)[:80])
encoder = _json.make_encoder(None, str, _json.encode_basestring, None, ": ", ", ", True, False, True)
print(type(encoder).__name__, encoder((1, {"b": [2], "a": "\u00e9"}), 0), encoder.sort_keys, encoder.key_separator)
custom = _json.make_encoder({}, str, lambda s: "<" + s + ">", None, "=", ";", False, False, True)
print(custom({"k": ["v", 1]}, 0))
bad = _json.make_encoder({}, str, lambda s: 1, None, "=", ";", False, False, True)
try:
    bad(["x"], 0)
except TypeError as e:
    print("TypeError", e)
