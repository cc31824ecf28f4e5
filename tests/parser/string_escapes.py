a = '\\ \' \" \a \b \f \n \r \t \v \0 \1 \12 \123 \777 \x41 \x7f'
b = '\u00e9 \u20ac \U0001F600 \U00010000 \N{LATIN SMALL LETTER E WITH ACUTE} \N{EM DASH} \N{em dash}'
c = '\d \w \q \8 \9 \ '
d = b'\\ \' \" \a \b \f \n \r \t \v \0 \12 \377 \x00 \xff \d \u1234 \N{X}'
e = r'\\', r'\'', r"\"", r'\N{x}'
f = '\
'
g = '''\
multi\tline\
'''
h = '\ud800 \udfff \U0010ffff'
i = '\x00\x01\x7f\x80\xa0\xad'
j = b'\x80\xc3\xa9'
k = "\N{LATIN CAPITAL LETTER A}\N{SPACE}\N{CJK UNIFIED IDEOGRAPH-4E00}\N{HANGUL SYLLABLE GA}"
l = '\101\102\x43'
m = "\
a\
b"
