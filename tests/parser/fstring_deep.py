a = f"""{f'''{f"{f'{1}'}"}'''}"""
b = f"{x:{y}.{z}}" if 0 else f"{x:{y}}"
c = f"""{
    value
    :
    {width}
}"""
d = (f"first {a}"
     f"second {b!r}"
     "third"
     f"fourth {c:>{w}}")
e = f"{'''triple inside'''}"
f = f"{x}" f"{y}" f"" ""
g = b"no" b"f"
h = f'''{f"""{x}"""}'''
i = f"{x:{'a'}{'b'}}"
j = f"{ {'a': 1}['a'] }"
k = f"{x.y.z()[0]!r}"
l = f"""
{a}
    {b}
"""
