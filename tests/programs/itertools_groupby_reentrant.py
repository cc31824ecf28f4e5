# itertools.groupby whose key __eq__ advances the groupby itself (bpo-30347).
from itertools import groupby


class K:
    calls = 0

    def __init__(self, value):
        self.value = value

    def __eq__(self, other):
        K.calls += 1
        if K.calls == 1:
            print('inner next:', next(g, None))
        return True


outer = groupby(range(10), K)
g = next(outer)[1]
for _ in range(3):
    print('next:', next(g, None))

print([(k, list(v)) for k, v in groupby('aabbbc')])
print([(k, list(v)) for k, v in groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
