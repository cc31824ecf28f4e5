# The node classes of `_ast` (Lib/_ast.py) under CPython's ast.py.
import ast
tree = ast.Module(body=[ast.Expr(ast.BinOp(ast.Constant(1), ast.Add(), ast.Name('x', ast.Load())))], type_ignores=[])
print(ast.dump(tree))
print(ast.Constant._fields, ast.BinOp.__match_args__, ast.expr._attributes)
print(isinstance(ast.Add(), ast.operator), issubclass(ast.Call, ast.expr), ast.Constant(5).kind)
try:
    ast.Name('a', ast.Load(), 3)
except TypeError as e:
    print(e)
node = ast.Name(id='y', ctx=ast.Store())
match node:
    case ast.Name(name, ast.Store()):
        print("matched", name)
import typing
print(typing.Optional[int], typing.List[int], type[int] | None)
