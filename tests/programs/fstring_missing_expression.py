# f-string fields with no expression: which message CPython 3.11 gives.
for source in ["f'{!r}'", "f'{ !r}'", "f'{!}'", "f'{:}'", "f'{:2}'", "f'{=}'", "f'{ =!}'",
               "f'{!'", "f'{:'", "f'{='", "f'{}'", "f'{ }'", "f'''{\t\f\r\n:a}'''", "f'{x!}'"]:
    try:
        compile(source, "<string>", "eval")
        print(repr(source), "compiles")
    except SyntaxError as e:
        print(repr(source), e.msg)
