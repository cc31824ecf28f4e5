# _locale (through Lib's locale module) in the C.UTF-8 environment the tests
# run in: categories, queries, conventions, nl_langinfo, collation, and the
# locale-aware formatting locale.py builds on localeconv().
import _locale
import locale

print(locale.setlocale(locale.LC_CTYPE) in ('C.UTF-8', 'C.utf8'), locale.setlocale(locale.LC_NUMERIC))
print(locale.getencoding(), locale.getpreferredencoding(False))
conv = locale.localeconv()
print(sorted(conv.items()))
for name in ['CODESET', 'RADIXCHAR', 'THOUSEP', 'D_T_FMT', 'D_FMT', 'T_FMT', 'DAY_1', 'ABMON_12', 'YESEXPR', 'AM_STR']:
    print(name, repr(locale.nl_langinfo(getattr(locale, name))))
try:
    locale.nl_langinfo(12345)
except ValueError as e:
    print('ValueError', e)
try:
    locale.setlocale(locale.LC_ALL, 'xx_NOWHERE.UTF-8')
except locale.Error as e:
    print('locale.Error', e, locale.Error.__module__, issubclass(locale.Error, Exception))
print(locale.strcoll('a', 'b') < 0, locale.strcoll('b', 'a') > 0, locale.strcoll('a', 'a'), locale.strxfrm('abc'))
print(sorted(['b', 'A', 'a', 'B'], key=locale.strxfrm))
print(locale.format_string('%d items at %.2f', (1234567, 3.14159)), locale.str(2.5), locale.atof('1.5'), locale.atoi('42'))
print(locale.currency(1.5, symbol=False, grouping=False) if conv['frac_digits'] != 127 else 'no currency in C')
print(locale.normalize('en_US'), locale.normalize('C.UTF-8'))
print(_locale.CHAR_MAX, _locale.LC_ALL, _locale.LC_CTYPE)
print(locale.setlocale(locale.LC_NUMERIC, 'C'), locale.getlocale(locale.LC_NUMERIC))
print(locale.gettext('message') if hasattr(locale, 'gettext') else _locale.gettext('message'))
