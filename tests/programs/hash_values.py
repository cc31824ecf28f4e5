# hash() of str, tuple and frozenset as CPython 3.11 computes them
# (SipHash-1-3 keyed by PYTHONHASHSEED, here 0; xxHash-style tuples;
# frozensets from their members' hashes), and their agreement with ==.
texts = ['', 'a', 'ab', 'abcdefg', 'abcdefgh', 'abcdefghi', 'hello world', 'x' * 100,
         'é', 'café', 'ÿ' * 9, '€', 'naïve €', 'Ω' * 5, '日本語テキスト', '😀', 'a😀', '😀' * 3,
         '\x00', '\x00\x00', '\udc80', 'a\ud800b']
for text in texts:
    print(ascii(text), hash(text))
print(hash('abc') == hash(''.join(['a', 'b', 'c'])), hash('abc') == hash('ab' + 'c'))

tuples = [(), (1,), (1, 2), (2, 1), ((),), ('a', 'b'), (1, (2, (3, (4,)))), (-1,), (-2,), (None,) * 0,
          (True, 1.0, 1), (1.5, -0.0, 0.0), (2**64, -2**64), tuple(range(50))]
for value in tuples:
    print(value if len(repr(value)) < 60 else 'range tuple', hash(value))
print(hash((1, 2)) == hash((1.0, 2.0)), hash((True,)) == hash((1,)))

sets = [frozenset(), frozenset([0]), frozenset([1]), frozenset([1, 2, 3]), frozenset([3, 2, 1]),
        frozenset('abc'), frozenset([frozenset(), frozenset([1])]), frozenset(range(100)),
        frozenset([(1, 2), 'x', 3.5])]
for value in sets:
    print(len(value), hash(value))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), hash(frozenset()) == hash(frozenset([])))

for number in [0, 1, -1, -2, 2**61 - 1, 2**61, 2**62, -(2**61), 2**100, 1.0, 1.5, -1.5, 0.1, 1e300, float('inf'), -float('inf')]:
    print(number, hash(number))
print(hash(True), hash(False), hash(-1) == hash(-2), hash(1) == hash(1.0) == hash(True))
print(type(hash(float('nan'))).__name__)

# equal keys of different types find each other
table = {1: 'one', 'a': 'A', (1, 2): 'pair', frozenset([1]): 'fs'}
print(table[1.0], table[True], table['a'], table[(1.0, 2.0)], table[frozenset([True])])
class Key:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        return hash(self.n)
    def __eq__(self, other):
        return isinstance(other, Key) and other.n == self.n
print({Key(1): 'k'}[Key(1)], Key(5) in {Key(5)}, Key(5) in {Key(6)}, hash(Key('a')) == hash('a'))
class MinusOne:
    def __hash__(self):
        return -1
print(hash(MinusOne()))
class Unhashable:
    __hash__ = None
try:
    hash(Unhashable())
except TypeError as e:
    print('TypeError', e)
try:
    hash(([],))
except TypeError as e:
    print('TypeError', e)
