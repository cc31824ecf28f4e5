# ast.parse / compile(..., PyCF_ONLY_AST): the node objects, their fields and
# positions, and the ast module's helpers working over them.
import ast
import hashlib

SNIPPETS = [
    "x = 1",
    "def f(a, /, b: int = 2, *args, c, d=4, **kw) -> str:\n    '''doc'''\n    return a + b\n",
    "@dec\n@dec2(1)\nclass C(Base, metaclass=M):\n    x: int = 3\n    def m(self): pass\n",
    "[x * y for x in range(3) if x for y in z]\n{k: v for k, v in d.items()}\n{a for a in b}\n(g for g in h)\n",
    "f'{x!r:>{width}} and {y=}'\n",
    "match p:\n    case [1, *rest]: pass\n    case {'k': v, **others}: pass\n    case Point(x=0, y=_) | None: pass\n    case str() as s if s: pass\n",
    "async def g():\n    async with a as b, c:\n        await d\n    async for i in j:\n        yield i\n    return [x async for x in y]\n",
    "n = 123456789012345678901234567890\nb = b'\\x00bytes'\nu = u'unicode'\nc = 3j + 1.5\ne = ...\nt = True, False, None\n",
    "s = 'héllo wörld ✓'\nπ = 3.14\n",
    "try:\n    pass\nexcept (A, B) as e:\n    raise X from e\nelse:\n    pass\nfinally:\n    del a[1:2:3], b.c\n",
    "try:\n    pass\nexcept* E:\n    pass\n",
    "import a.b as c, d\nfrom ..m import (x as y, z)\nglobal g\nwhile not a and b or c:\n    break\nelse:\n    continue\n",
    "lambda x, *y, z=1, **w: (x := y) if -x < z <= ~w is not None else {**a, 'b': 1}\n",
    "a[1, 2] += 3 @ 4 // 5 ** 6 >> 7 << 8 | 9 & 10 ^ 11 % 12\nassert x, 'msg'\nwith open(f) as (a, b): pass\n",
]

for source in SNIPPETS:
    tree = ast.parse(source)
    print(ast.dump(tree, include_attributes=True))
    print(ast.unparse(tree))
    print(sum(1 for _ in ast.walk(tree)), type(tree).__name__)

print(ast.dump(ast.parse("1 + 2", mode="eval"), include_attributes=True))
print(ast.dump(ast.parse("x = 1\n", mode="single"), include_attributes=True))
print(ast.dump(compile("a.b", "<s>", "eval", ast.PyCF_ONLY_AST)))
print(ast.dump(ast.parse(b"x = 'bytes source'\n")))

# Node objects carry every field, absent optional ones as None.
func = ast.parse("def f(): pass").body[0]
print(func.returns, func.type_comment, func.decorator_list, func.lineno, func.end_col_offset)
print(isinstance(func, ast.FunctionDef), isinstance(func, ast.stmt), isinstance(func, ast.AST))
const = ast.parse("u'x'").body[0].value
print(repr(const.value), const.kind, ast.parse("'y'").body[0].value.kind)
print(type(ast.parse("10**40", mode="eval").body.right.value).__name__)
print(ast.Load, type(func).__module__, list(ast.parse("x").body[0].__dict__))

# literal_eval.
for text in ["[1, 2.5, 'a', b'b', (None, True), {1: {2, 3}}]", "-3 + 4j", "1_000", "{'a': [1, (2,)]}"]:
    print(ast.literal_eval(text))
for text in ["f(1)", "x + 1", "[1, 2"]:
    try:
        ast.literal_eval(text)
    except Exception as e:
        # The message ends with the node's repr (an address).
        print(type(e).__name__, str(e).split(' <')[0])

# Docstrings.
module = ast.parse('"""Module doc."""\ndef f():\n    """  Function\n    doc.\n    """\nclass C:\n    pass\n')
# (clean=True imports inspect, which needs importlib: not here yet.)
print(repr(ast.get_docstring(module, clean=False)))
print(repr(ast.get_docstring(module.body[1], clean=False)))
print(repr(ast.get_docstring(module.body[2], clean=False)))

# NodeVisitor and NodeTransformer work over the objects.
class Names(ast.NodeVisitor):
    def __init__(self):
        self.names = []
    def visit_Name(self, node):
        self.names.append((node.id, type(node.ctx).__name__))

visitor = Names()
visitor.visit(ast.parse("a = b + c\ndel d\n"))
print(visitor.names)

class Double(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.Constant(node.value * 2)
        return node

print(ast.unparse(Double().visit(ast.parse("x = 1 + 2 * y"))))

# Syntax errors come out as today.
for bad in ["x = = 1", "def f(:\n", "(", "a b", "f(**x, *y)"]:
    try:
        ast.parse(bad)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)

# A real module: the whole dump, hashed.
with open('/usr/lib/python3.11/textwrap.py') as f:
    text = f.read()
dump = ast.dump(ast.parse(text), include_attributes=True)
print(len(dump), hashlib.sha256(dump.encode()).hexdigest())
print(sum(1 for _ in ast.walk(ast.parse(text))))
