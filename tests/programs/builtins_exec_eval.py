g = {}
exec("x = 1\ndef f(y):\n    return x + y\n", g)
print(g["f"](2), eval("x * 10", g), eval(" 1+1"))
code = compile("a + b", "<expr>", "eval")
print(eval(code, {"a": 1, "b": 2}), type(code).__name__)
def local_exec():
    v = 5
    return eval("v + 1")
print(local_exec())
