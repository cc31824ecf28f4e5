# CPython 3.11's messages for the type, attribute, index, key and value
# errors users meet most.
cases = [
    "1 + 'a'", "'a' + 1", "[] + ()", "() + []", "1 - 'a'", "'a' * 'b'", "[1] * 1.5", "None + 1", "-'a'", "~1.5", "abs('a')",
    "1 < 'a'", "[] < ()", "None < None", "{} < {}", "1 @ 2", "'a' % ()", "'%d' % 'x'", "len(5)", "len(None)",
    "None.x", "(1).x", "'a'.x", "[].x", "object().x", "type.x", "int.x", "None()", "1()", "'a'()", "[][0]", "()[0]", "''[0]",
    "[1][5]", "[1][-2]", "[1]['a']", "(1,)[1.0]", "'a'['b']", "{}['k']", "{}[[]]", "{[]: 1}", "{1}.remove(2)", "[1].remove(2)",
    "[1].index(2)", "(1,).index(2)", "'a'.index('b')", "int('x')", "int('1.5')", "float('x')", "int(None)", "float(None)",
    "iter(5)", "next([])", "next(iter([]))", "list(5)", "tuple(None)", "set(1)", "dict(1)", "dict([1])", "dict([(1,)])",
    "hash([])", "hash({})", "hash(set())", "{}.pop('x')", "[].pop()", "[].pop(3)", "set().pop()", "{}.popitem()",
    "'a'.join([1])", "'a'.join(5)", "sum(['a', 'b'])", "sum([[1]])", "max([])", "min([])", "max()", "divmod(1, 0)", "1 / 0",
    "1 // 0", "1 % 0", "1.0 / 0", "2 ** -1 % 0", "pow(2, 3, 0)", "chr('a')", "ord('ab')", "ord('')", "round('a')",
    "getattr(1, 2)", "setattr(1, 'x', 2)", "delattr(1, 'x')", "isinstance(1, 2)", "issubclass(1, int)", "issubclass(int, 1)",
    "range(1.5)", "range(0, 10, 0)", "slice(1)[0]", "'a'.split('')", "'abc'.replace()", "'x'.center()", "int('5', 1)",
    "int(5, 10)", "bytes('a')", "bytes(-1)", "bytearray([256])", "b'a' + 'b'", "'a' + b'b'", "b'%d' % 'x'", "memoryview(1)",
    "x = 1; x.append(2)", "f = lambda: 0; f(1)", "f = lambda a: 0; f()", "f = lambda a: 0; f(b=1)", "def g(*, k): pass\ng(1)",
    "class A: pass\nA(1)", "class A:\n    def __init__(self): pass\nA(1)", "object(1)", "type(1, 2)", "super(1)",
    "import nosuchmodule_x", "undefined_name_x", "def h():\n    print(v)\n    v = 1\nh()",
    "a, b = 1", "a, b = [1, 2, 3]", "a, b = [1]", "[*1]", "{**1}", "f = lambda **k: 0; f(**{1: 2})", "print(*1)",
    "del [][0]", "t = (1,); t[0] = 2", "s = 'a'; s[0] = 'b'", "frozenset().add(1)", "(1).real = 2", "list.append(1, 2)",
    "'{}'.format()", "'{0} {}'.format(1, 2)", "'{x}'.format()", "format(1, 'q')", "f'{1:q}'",
]
for text in cases:
    try:
        exec(text, {})
        print(text.replace("\n", "; "), "-> no error")
    except Exception as e:
        print(text.replace("\n", "; "), "->", type(e).__name__, e)

# Sequence concatenation asks the right operand's __radd__ first.


class Radd:
    def __radd__(self, other):
        return "radd"


class NoRadd:
    def __radd__(self, other):
        return NotImplemented


class SubList(list):
    pass


print([1] + Radd(), (1,) + Radd(), [2] + SubList([1]), type([2] + SubList([1])).__name__, hasattr([], "__radd__"), hasattr((), "__radd__"))
for left, right in (([1], NoRadd()), ((1,), NoRadd()), ([1], (1,)), ((1,), [1]), ([], {}), ((), None)):
    try:
        left + right
    except TypeError as e:
        print(e)
