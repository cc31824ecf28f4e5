# The module-level API of CPython's re package running over _sre: RegexFlag,
# the cache, pickling support through copyreg, GenericAlias, and modules of
# Lib built on re (string, textwrap).
import re

print(re.I, re.I | re.M, repr(re.S | re.X), re.A.value, int(re.U | re.I))
print(re.compile('a', re.I | re.M).flags == re.I | re.M | re.U)
p = re.compile(r'(?P<word>\w+)', re.I)
print(re.compile(r'(?P<word>\w+)', re.I) is p, re.compile(p) is p)
try:
    re.compile(p, re.M)
except ValueError as e:
    print('ValueError', e)
re.purge()
print(re.compile(r'(?P<word>\w+)', re.I) == p)
print(re.Pattern[str], re.Match[bytes], type(re.Pattern[str]).__name__)
import copyreg
function, arguments = copyreg.dispatch_table[type(p)](p)
q = function(*arguments)
print(q == p, q.pattern, q.flags == p.flags)
print(re.fullmatch('a|ab', 'ab').group(), re.match('a|ab', 'ab').group())
print(re.findall(r'(?m)^\w', 'ab\ncd\nef'))
print(re.sub(r'(?P<first>\w)(\w*)', lambda m: m['first'].upper() + m[2], 'hello big world'))
print(re.subn('(?i)X', '-', 'xXaX'), re.split(r'\s*,\s*', 'a , b,c ,d', maxsplit=2))
print([m.group(0) for m in re.finditer(r'\d+', '1 22 333', )])
print(re.search(r'\d+', 'abc 123', flags=re.ASCII).group())
print(re.escape('1+1=2?'), re.escape(b'\x00a.b'))
try:
    re.compile('(')
except re.error as e:
    print(type(e).__module__, type(e).__name__, e.msg, e.pattern, e.pos, e.lineno, e.colno)
try:
    re.compile('a\n(?P<x>', re.X)
except re.error as e:
    print(e, (e.lineno, e.colno))
import string
print(string.Template('${a} and $b').safe_substitute(a=1))
import textwrap
print(textwrap.wrap('The quick brown fox jumps over the lazy dog', 12))
print(textwrap.dedent('    a\n      b\n'))
