# -*- coding: latin-1 -*-
s = 'café © µ ÿ'
b = b'caf\xe9'
naïve = 1
# commentaire: à è ì
t = '''À
É'''
