# The pattern language: flags, classes, repeats, lookarounds, backreferences,
# conditionals, atomic groups and possessive repeats (3.11), Unicode and
# bytes, and the errors the compiler raises.
import re

def t(pattern, text, flags=0):
    try:
        m = re.search(pattern, text, flags)
    except re.error as e:
        print(repr(pattern), 'error:', e)
        return
    print(repr(pattern), repr(text), None if m is None else (m.span(), m.groups()))

t(r'abc', 'xxabcxx')
t(r'a.c', 'a\nc')
t(r'a.c', 'a\nc', re.S)
t(r'^b', 'a\nb')
t(r'^b', 'a\nb', re.M)
t(r'a$', 'a\nb\n', re.M)
t(r'b$', 'a\nb\n')
t(r'\Ab', 'ab')
t(r'b\Z', 'ab\n')
t(r'ABC', 'xabcx', re.I)
t(r'[a-z]+', 'ABCdef', re.I)
t(r'\w+', 'héllo wörld')
t(r'\w+', 'héllo', re.A)
t(r'\d+', 'x٣٤5')
t(r'\d+', 'x٣٤5', re.A)
t(r'\s+', 'a \u2003\tb')
t(r'\bfoo\b', 'a foo b')
t(r'\Bfoo', 'afoo')
t(r'[^abc]+', 'abcdefabc')
t(r'[\d\s]+', 'ab1 2 3cd')
t(r'[]a]+', 'x]a]')
t(r'[a\-z]+', 'b-az')
t(r'a{2,3}', 'aaaa')
t(r'a{2,3}?', 'aaaa')
t(r'a{,2}b', 'aaab')
t(r'(ab)*c', 'ababc')
t(r'(a|ab)(c|bcd)(d*)', 'abcd')
t(r'(a+)+b', 'aaaaaaaaaaaaaaaaaaaaab')
t(r'x*?y', 'xxy')
t(r'(?=foo)f', 'afoo')
t(r'(?!foo)f', 'foo fa')
t(r'(?<=a)b', 'cbab')
t(r'(?<!a)b', 'abcb')
t(r'(\w)\1', 'abccd')
t(r'(?P<q>[\'"]).*?(?P=q)', 'say "hi" now')
t(r'(a)?(?(1)b|c)', 'c')
t(r'(a)?(?(1)b|c)', 'ab')
t(r'(?i)hello', 'HeLLo')
t(r'(?i:a)b', 'Ab AB')
t(r'(?x) a b  c # comment', 'abc')
t(r'(?>a+)a', 'aaaa')
t(r'a++a', 'aaaa')
t(r'a*+b', 'aaab')
t(r'(?:ab)+', 'ababab')
t(r'\x41\u0042\U00000043', 'ABC')
t(r'[α-ω]+', 'abγδε')
t('ǅ', 'ǆ', re.I)
t('ß', 'SS', re.I)
t('K', '\u212a', re.I)
t('[k]', '\u212a', re.I)
t(r'\u0130', 'i̇', re.I)
t(r'a|b|c', 'xyzc')
t(r'', 'abc')
t(r'(?s:.)', '\n')
t(r'\0', 'a\0b')
t(r'[\x00-\x1f]', 'ab\x05')

print('bytes')
print(re.findall(rb'\w+', b'caf\xe9 ok'))
print(re.findall(rb'(?i)[a-z]+', b'ABC def'))
print(re.findall(rb'(?L)\w+', b'ab cd'))
print(re.search(rb'\d', bytearray(b'ab7')).group())
print(re.search(rb'\d', memoryview(b'ab7')).group())
print(re.match(b'a', bytearray(b'abc')).string)

print('errors')
for pattern in ['[a', '(a', 'a)', '*a', 'a**', '(?P<1>a)', '(?P<a>x)(?P<a>y)', r'\1', '(?<=a+)b',
                'a{3,2}', '[z-a]', '(?z)', r'\p', '(?P=nope)', '(?', r'\x4', '(?<a)', 'a{1,2', '[]',
                r'(?i', '(?#unterminated']:
    try:
        re.compile(pattern)
        print(repr(pattern), 'compiled')
    except re.error as e:
        print(repr(pattern), type(e).__name__, e, e.pos)
for call in [lambda: re.compile('a').match(b'a'), lambda: re.compile(b'a').match('a'),
             lambda: re.compile('a').match(3), lambda: re.compile('a').match(),
             lambda: re.compile('a').match('a', bogus=1), lambda: re.compile('a').search('a', 'x'),
             lambda: re.compile(b'a', re.U), lambda: re.compile('a', re.L), lambda: re.compile('a', re.A | re.U)]:
    try:
        call()
        print('no error')
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
