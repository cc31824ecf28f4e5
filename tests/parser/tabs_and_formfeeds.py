if a:
	b = 1
	if c:
		d = 2

def f():
    return 1

class K:
        x = 1
        y = 2
if z:
    	q = 1
