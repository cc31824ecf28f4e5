# re through CPython's own re package over Garter's _sre: matching, groups,
# Match objects.
import re

def show(label, value):
    print(label, repr(value))

p = re.compile(r'(\w+) (?P<second>\w+)')
show('pattern', p.pattern)
show('groups', p.groups)
show('groupindex', dict(p.groupindex))
m = p.match('hello world and more')
show('repr', m)
show('group()', m.group())
show('group(1,2)', m.group(1, 2))
show('group(second)', m.group('second'))
show('getitem', (m[0], m[1], m['second']))
show('groups', m.groups())
show('groupdict', m.groupdict())
show('span', (m.span(), m.span(1), m.span('second')))
show('start/end', (m.start(), m.end(), m.start(2), m.end('second')))
show('pos/endpos', (m.pos, m.endpos))
show('lastindex/lastgroup', (m.lastindex, m.lastgroup))
show('regs', m.regs)
show('string', m.string)
print('re is p', m.re is p)

# Optional groups that do not take part.
m = re.match(r'(a)(b)?(?P<c>c)?', 'a')
show('groups', m.groups())
show('groups default', m.groups('-'))
show('groupdict', m.groupdict())
show('groupdict default', m.groupdict(0))
show('span(2)', m.span(2))
show('start(3)', m.start(3))
show('lastindex', m.lastindex)
show('lastgroup', m.lastgroup)
show('group(2)', m.group(2))

# match / fullmatch / search with pos and endpos.
p = re.compile(r'\d+')
show('match', p.match('ab123cd'))
show('match pos', p.match('ab123cd', 2))
show('search', p.search('ab123cd'))
show('search endpos', p.search('ab123cd', 0, 3))
show('fullmatch', p.fullmatch('123'))
show('fullmatch partial', p.fullmatch('123a'))
show('fullmatch endpos', p.fullmatch('123a', 0, 3))
show('keyword pos', p.search(string='x9', pos=1))
show('negative pos', p.search('12', -5))
show('huge endpos', p.search('12', 0, 10**6).span())
m = p.search('ab123cd', 1, 5)
show('pos/endpos', (m.pos, m.endpos, m.span()))
show('anchors', re.compile('^b').search('ab', 1))

# Match.__repr__ truncates the matched text's repr at 50 characters.
show('long repr', re.match('a*', 'a' * 80))
show('quote repr', re.match('.*', "it's"))

# Group errors.
m = re.match('(a)', 'a')
for key in [2, -1, 'nope', 1.5, None]:
    try:
        m.group(key)
    except Exception as e:
        print('group', repr(key), type(e).__name__, e)
try:
    m['x']
except IndexError as e:
    print('getitem', e)
show('bool index', m.group(True))

# Copying returns the same objects.
import copy
p = re.compile('x')
m = p.match('x')
print(copy.copy(p) is p, copy.deepcopy(p) is p, copy.copy(m) is m, copy.deepcopy(m) is m)

# Equality and hashing of patterns.
print(re.compile('a+') == re.compile('a+'), re.compile('a+') == re.compile('a*'))
print(re.compile('a', re.I) == re.compile('a'), re.compile(b'a') == re.compile('a'))
print(hash(re.compile('abc')) == hash(re.compile('abc')))
print(type(p).__name__, type(m).__name__, type(p.scanner('')).__name__)
print(type(p).__module__, type(m).__module__)
