# compile() of a tree of ast node objects: parsed, transformed or built by
# hand, then run; errors for trees that are not well formed.
import ast
src = '''
def f(a, /, b=2, *args, c, d=4, **kw):
    return [a + b + c + d, args, kw]
print(f(1, c=3))
class C:
    def m(self): return f"{self!r:>5}"[:3]
print(C().m()[:1], {k: v for k, v in [(1, 2)]}, 10**30, b'x', 1j, ...)
match [1, 2]:
    case [1, *rest]: print("rest", rest)
try:
    raise ValueError("v")
except ValueError as e:
    print("caught", e)
'''
exec(compile(ast.parse(src), "<ast>", "exec"))
class Double(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node
tree = Double().visit(ast.parse("1 + 2 * 3", mode="eval"))
print(eval(compile(tree, "<ast>", "eval")))
tree = ast.fix_missing_locations(ast.Module(body=[ast.Expr(ast.Call(ast.Name("print", ast.Load()), [ast.Constant("built")], []))], type_ignores=[]))
exec(compile(tree, "<ast>", "exec"))
for bad in [ast.Expression(body=ast.Name("x", ast.Load())), ast.Module(body=[ast.Expr(ast.Name("x", ast.Load()))], type_ignores=[])]:
    try:
        compile(bad, "<ast>", "exec")
    except Exception as e:
        print(type(e).__name__, e)

# A real module compiled from its tree gives the same bytecode as from its text.
path = '/usr/lib/python3.11/textwrap.py'
with open(path) as f:
    text = f.read()
from_tree = compile(ast.parse(text), path, 'exec')
from_text = compile(text, path, 'exec')
print(from_tree.co_code == from_text.co_code, from_tree.co_names == from_text.co_names)
namespace = {'__name__': 'textwrap_copy'}
exec(from_tree, namespace)
print(namespace['fill']('The quick brown fox jumps over the lazy dog', width=12))
