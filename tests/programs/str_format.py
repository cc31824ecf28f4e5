def check(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '!!', type(e).__name__, e)
    else:
        print(label, '=>', repr(r))

# str.format and str.format_map: fields, accessors, conversions, nested specs, errors.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __format__(self, spec):
        return 'P<' + spec + '>'
    def __repr__(self):
        return 'Point()'
p = Point(1, 2)
check("'{} {}'.format('a', 'b')", lambda: ('{} {}'.format('a', 'b')))
check("'{1} {0} {1}'.format('a', 'b')", lambda: ('{1} {0} {1}'.format('a', 'b')))
check("'{x} and {y}'.format(x=1, y='two')", lambda: ('{x} and {y}'.format(x=1, y='two')))
check("'{0.x},{0.y}'.format(p)", lambda: ('{0.x},{0.y}'.format(p)))
check("'{p.x}'.format(p=p)", lambda: ('{p.x}'.format(p=p)))
check("'{0[1]} {0[0]}'.format(['a', 'b'])", lambda: ('{0[1]} {0[0]}'.format(['a', 'b'])))
check("'{d[key]} {d[1]}'.format(d={'key': 'K', 1: 'one'})", lambda: ('{d[key]} {d[1]}'.format(d={'key': 'K', 1: 'one'})))
check("'{!r} {!s} {!a}'.format('é', 'é', 'é')", lambda: ('{!r} {!s} {!a}'.format('é', 'é', 'é')))
check("'{0!r:>10}'.format('x')", lambda: ('{0!r:>10}'.format('x')))
check("'{:>8}|{:<8}|{:^8}|'.format('a', 'b', 'c')", lambda: ('{:>8}|{:<8}|{:^8}|'.format('a', 'b', 'c')))
check("'{:*^9}'.format('mid')", lambda: ('{:*^9}'.format('mid')))
check("'{:.2}'.format('abcdef')", lambda: ('{:.2}'.format('abcdef')))
check("'{:10.3}|'.format('abcdef')", lambda: ('{:10.3}|'.format('abcdef')))
check("'{0:{1}}|'.format('a', 5)", lambda: ('{0:{1}}|'.format('a', 5)))
check("'{0:{fill}{align}{width}}'.format('x', fill='-', align='>', width=4)", lambda: ('{0:{fill}{align}{width}}'.format('x', fill='-', align='>', width=4)))
check("'{:d} {:x} {:o} {:b} {:#x} {:08.3f} {:e} {:,}'.format(42, 255, 8, 5, 255, 3.14159, 1234.5, 1234567)", lambda: ('{:d} {:x} {:o} {:b} {:#x} {:08.3f} {:e} {:,}'.format(42, 255, 8, 5, 255, 3.14159, 1234.5, 1234567)))
check("'{:%}'.format(0.25)", lambda: ('{:%}'.format(0.25)))
check("'{}'.format(p)", lambda: ('{}'.format(p)))
check("'{:spec}'.format(p)", lambda: ('{:spec}'.format(p)))
check("'{{literal}} {}'.format(1)", lambda: ('{{literal}} {}'.format(1)))
check("'{0}{0}'.format('ab')", lambda: ('{0}{0}'.format('ab')))
check("'{}'.format()", lambda: ('{}'.format()))
check("'{1}'.format(1)", lambda: ('{1}'.format(1)))
check("'{x}'.format(y=1)", lambda: ('{x}'.format(y=1)))
check("'{0}{}'.format(1, 2)", lambda: ('{0}{}'.format(1, 2)))
check("'{}{0}'.format(1, 2)", lambda: ('{}{0}'.format(1, 2)))
check("'{!x}'.format(1)", lambda: ('{!x}'.format(1)))
check("'{'.format(1)", lambda: ('{'.format(1)))
check("'}'.format(1)", lambda: ('}'.format(1)))
check("'{0[}'.format(1)", lambda: ('{0[}'.format(1)))
check("'{0.}'.format(1)", lambda: ('{0.}'.format(1)))
check("'{0:d}'.format('a')", lambda: ('{0:d}'.format('a')))
check("'{0.missing}'.format(1)", lambda: ('{0.missing}'.format(1)))
check("'{0[5]}'.format([1])", lambda: ('{0[5]}'.format([1])))
check("'{:{}}'.format('a', '{}')", lambda: ('{:{}}'.format('a', '{}')))
check("'{0:{1:{2}}}'.format(1, 2, 3)", lambda: ('{0:{1:{2}}}'.format(1, 2, 3)))
check("'{a}-{b}'.format_map({'a': 1, 'b': 2})", lambda: ('{a}-{b}'.format_map({'a': 1, 'b': 2})))
class Default(dict):
    def __missing__(self, key):
        return key.upper()
check("'{name} {other}'.format_map(Default(name='x'))", lambda: ('{name} {other}'.format_map(Default(name='x'))))
check("'{}'.format_map({})", lambda: ('{}'.format_map({})))
check("'{a}'.format_map([])", lambda: ('{a}'.format_map([])))
check("'{a}'.format_map({})", lambda: ('{a}'.format_map({})))
check("'a'.format_map()", lambda: ('a'.format_map()))
check("format('abc', '>5'), format('abc'), format(3, 'x')", lambda: (format('abc', '>5'), format('abc'), format(3, 'x')))
check("'{:=5}'.format('a')", lambda: ('{:=5}'.format('a')))
check("'{:+}'.format('a')", lambda: ('{:+}'.format('a')))
check("'{} {} {} {} {} {}'.format(1.5, -0.0, 10 ** 20, True, None, 1e300 * 10)", lambda: ('{} {} {} {} {} {}'.format(1.5, -0.0, 10 ** 20, True, None, 1e300 * 10)))
check("'{:>6}|{:<4}|{}'.format('é', 'ab', 'plain')", lambda: ('{:>6}|{:<4}|{}'.format('é', 'ab', 'plain')))
class S(str):
    def __format__(self, spec):
        return 'custom'
check("'{} {:x}'.format(S('a'), S('b'))", lambda: ('{} {:x}'.format(S('a'), S('b'))))
