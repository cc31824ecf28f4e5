name = "x"
a = f"plain"
b = f"{name}"
c = f"{name!r} {name!s} {name!a}"
d = f"{3.14159:.2f} {42:>10} {name:{width}} {x:{'<' if y else '>'}{w}.{p}f}"
e = f"{name=}" f"{name = }" f"{1 + 2 = !r:>5}" f"{x=:.3}"
f = f"{{escaped}} {{{name}}} }}{{"
g = F"upper" rf"raw {name} \n" fR"{name}\d" Rf'{a}' FR'b' fr"c{{"
h = f"{'nested' + f'{name}'}"
i = f"""multi
line {name
} {a +
   b} end"""
j = f'{"a" if x else "b"}' f'{[1, 2][0]}' f'{ {1: 2}[1] }' f'{(lambda: 1)()}'
k = f"{a}" "plain" f"{b}" 'more'
l = "plain" f"{x}"
m = f"{x:}" f"{x!r:}" f"{x:{{}}>10}"
n = f"\N{BULLET} {x} \x41 \\{{" f"\u00e9{x}"
o = f"{x:%Y-%m-%d}" f"{x:{y}{z}}"
p = f"{(yield)}" if 0 else 0
q = f"{x!r:^{w}}"
r = f'{a["b"]}' f"{a['b']}"
s = f"{x,}" f"{x, y}" f"{*x,}"
t = f"{x:=10}" f"{(x:=10)}"
u = f''
v = f"{ x }" f"{x  }" f"{  x=}"
w = f"{x=!r}" if 0 else f"{x=!s:10}"
y = f"a{b}c{d}e" f"{b}{c}" f"{'}'}" f"{'{'}"
z = f"""{x
:>10}"""
