# string.Formatter over _string.formatter_parser and
# formatter_field_name_split.
import _string
import string

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

show('parser', lambda: list(_string.formatter_parser('a{0}b{name!r:>10}c{{d}}e{}{x[1].y}')))
show('parser literal only', lambda: list(_string.formatter_parser('just text')))
show('parser empty', lambda: list(_string.formatter_parser('')))
show('parser nested spec', lambda: list(_string.formatter_parser('{0:{1}.{2}f}')))
show('parser conversion only', lambda: list(_string.formatter_parser('{!s}')))
show('parser unmatched close', lambda: list(_string.formatter_parser('a}b')))
show('parser unmatched open', lambda: list(_string.formatter_parser('a{b')))
it = _string.formatter_parser('x{0}y}')
show('parser lazy 1', lambda: next(it))
show('parser lazy 2', lambda: next(it))
show('parser not str', lambda: _string.formatter_parser(5))
show('split', lambda: (lambda r: (r[0], list(r[1])))(_string.formatter_field_name_split('obj.attr[0][key].z')))
show('split int', lambda: (lambda r: (r[0], list(r[1])))(_string.formatter_field_name_split('12')))
show('split empty', lambda: (lambda r: (r[0], list(r[1])))(_string.formatter_field_name_split('')))
show('split bad', lambda: (lambda r: (r[0], list(r[1])))(_string.formatter_field_name_split('a.')))
show('split missing ]', lambda: (lambda r: (r[0], list(r[1])))(_string.formatter_field_name_split('a[1')))

f = string.Formatter()
show('format', lambda: f.format('{0}-{1!r}-{name:>6}-{x[k]}', 1, 'two', name='n', x={'k': 3}))
show('format auto', lambda: f.format('{} {} {}', 'a', 'b', 'c'))
show('format nested', lambda: f.format('{0:{1}}|', 'x', 5))
show('format attr', lambda: f.format('{0.real} {0.imag}', 3 + 4j))
show('format mixed', lambda: f.format('{} {0}', 1))
show('vformat missing', lambda: f.vformat('{a}', (), {}))
show('parse', lambda: list(f.parse('a{b}c')))

class Upper(string.Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()
    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return '<%s>' % key
        return super().get_value(key, args, kwargs)
show('subclass', lambda: Upper().format('{0} {missing} {x:^7}', 'hi', x='mid'))
print(string.Template('$who likes ${what}').substitute(who='tim', what='kung pao'))
print(string.capwords('hello   world  again'))
