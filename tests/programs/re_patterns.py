# Pattern objects: repr with flags, attributes, module-level helpers,
# escape, purge/caching and class_getitem.
import re

for pattern, flags in [('abc', 0), ('abc', re.I), ('x', re.I | re.M | re.S | re.X), (b'x', 0), (b'x', re.L),
                       ('x', re.A), ('y' * 250, 0), ("it's", 0), ('a\nb', re.DEBUG & 0)]:
    p = re.compile(pattern, flags)
    print(repr(p))
    print(int(p.flags), p.groups, p.pattern == pattern)
print(re.escape('a.b*c?d[e]f(g)h{i}j|k^l$m\\n+o p#q&r~s-t'))
print(re.escape(b'a.b c'))
print(re.fullmatch(r'\d+', '1234').group())
p = re.compile(r'(?P<year>\d{4})-(?P<month>\d\d)')
print(sorted(p.groupindex.items()))
try:
    re.Pattern()
except TypeError as e:
    print(e)
try:
    re.Match()
except TypeError as e:
    print(e)
print(re.Pattern[str], re.Match[bytes])
big = re.compile('(a)' * 120)
m = big.match('a' * 120)
print(big.groups, m.lastindex, len(m.groups()))
print(re.sub('(?P<x>a)', r'\g<x>\g<x>', 'banana'))
long_text = 'ab' * 20000 + 'c'
print(re.search('c', long_text).span(), len(re.findall('ab', long_text)))
print(re.search(r'(ab)*c', long_text).span())
