a = 'single'
b = "double"
c = '''triple single'''
d = """triple double
spanning lines"""
e = r'raw \n \d', R"raw", rb'\x00', Rb"x", bR'y', BR"z", br'w', Br'v', rB'u', RB't'
f = b'bytes', B"BYTES", u'unicode', U"UNICODE"
g = 'implicit' "concat" '''enation'''
h = b'by' b"tes"
i = 'a' 'b' \
    'c'
j = ('paren'
     'concat')
k = ''
l = """"""
m = 'it\'s', "say \"hi\"", '''a ''' + """ b"""
n = 'line\
continued'
o = """ends with quote\""""
p = '''quotes ' and '' inside''', """ " "" """
q = u'u' 'plain' u"u2"
r = r'\'', r"\"", r'\\'
