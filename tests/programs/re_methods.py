# findall, finditer, split, sub/subn (callables and templates), scanner.
import re

def show(label, value):
    print(label, repr(value))

show('findall plain', re.findall(r'\d+', 'a1b22c333'))
show('findall 1 group', re.findall(r'(\d)\d*', 'a1b22c333'))
show('findall groups', re.findall(r'(\w)(\d)?', 'a1b c3'))
show('findall empty', re.findall(r'x*', 'axxb'))
show('findall pos', re.compile(r'\w').findall('abcdef', 2, 4))
show('finditer', [m.span() for m in re.finditer(r'\w+', 'one two  three')])
show('finditer empty', [m.span() for m in re.finditer(r'\b', 'ab cd')])

show('split', re.split(r'\W+', 'Words, words, words.'))
show('split groups', re.split(r'(\W+)', 'Words, words, words.'))
show('split maxsplit', re.split(r'\W+', 'Words, words, words.', 1))
show('split empty matches', re.split(r'x*', 'axbc'))
show('split optional group', re.split(r'(a)|b', 'xaybz'))
show('split start', re.split(r'\d', '1a2'))
show('split negative', re.compile(',').split('a,b', -1))

show('sub str', re.sub(r'\d', '#', 'a1b22'))
show('sub count', re.sub(r'\d', '#', 'a1b22', 2))
show('sub template', re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@home ann@work'))
show('sub named', re.sub(r'(?P<w>\w+)', r'<\g<w>>', 'a bc'))
show('sub g<0>', re.sub(r'\w+', r'[\g<0>]', 'a bc'))
show('sub escapes', re.sub('a', r'\n\t\\', 'xax'))
show('sub callable', re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'a1b22c333'))
show('sub callable None', re.compile('a').sub(lambda m: None, 'banana'))
show('sub empty', re.sub('x*', '-', 'abxd'))
show('subn', re.subn(r'\s+', ' ', 'a  b   c d'))
show('subn count', re.subn('a', 'b', 'aaaa', count=3))
show('sub unmatched group', re.sub(r'(a)|b', r'[\1]', 'ab'))
show('sub bytes', re.sub(rb'\d', rb'<\g<0>>', b'a1b2'))
show('sub bytes callable', re.sub(rb'\d', lambda m: m.group() * 2, b'a1b2'))

m = re.match(r'(?P<first>\w+) (\w+)', 'Jane Doe')
show('expand', m.expand(r'\2, \g<first>'))
show('expand bytes', re.match(rb'(.)(.)', b'ab').expand(rb'\2\1'))

s = re.compile(r'\d').scanner('a1b2c3')
show('scanner search', [s.search().group() for _ in range(3)] + [s.search()])
s = re.compile(r'\d').scanner('12a3')
show('scanner match', (s.match().group(), s.match().group(), s.match(), s.match()))
show('scanner pattern', re.compile('q').scanner('').pattern.pattern)

for args in [(r'(a)', r'\2', 'a'), (r'(a)', r'\g<x>', 'a'), (r'a', '\\', 'a'), (r'(a)', r'\g<1', 'a')]:
    try:
        re.sub(*args)
    except (re.error, IndexError) as e:
        print('template error', type(e).__name__, e)
try:
    re.sub('a', lambda m: 5, 'a')
except TypeError as e:
    print('callable result', e)
try:
    re.sub('a', b'x', 'a')
except TypeError as e:
    print('bytes repl for str', e)
