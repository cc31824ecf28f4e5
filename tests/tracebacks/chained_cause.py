def f(a, b):
    return a["x"] + b * 2

def g():
    try:
        f({"x": 1}, None)
    except TypeError as e:
        raise ValueError("wrapped") from e

g()
