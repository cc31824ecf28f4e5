# comment
x = 'BOM file é'
y = 1
