# dis/opcode: Garter's own modules print what CPython 3.11's dis prints.
import dis
import opcode


class Text:
    """Collects printed text; addresses of nested code objects are masked."""

    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)

    def show(self):
        text = ''.join(self.parts).replace(__file__.rsplit('/', 1)[0], '<TESTDIR>')
        while ' at 0x' in text:
            start = text.index(' at 0x') + 4
            end = start + 2
            while text[end] in '0123456789abcdef':
                end += 1
            text = text[:start] + 'ADDRESS' + text[end:]
        print(text, end='')
        self.parts = []


out = Text()


def f(x):
    for i in range(x):
        if i % 2:
            print(i, end='')
    try:
        return x.y[1]
    except Exception as e:
        raise ValueError from e


def g(a, *b, c=3, **d):
    n = 0
    while n < 10 and a is not None:
        n += a if a else -1
        a = {k: v for k, v in d.items()}
    with open(a) as fp:
        return f"{n!r:>{c}}" + fp.read()


async def h(q):
    async with q as r:
        await r
    return [x async for x in q]


def gen():
    x = yield 1
    yield from range(x)


def many_constants():
    return [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26,
            27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51,
            52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76,
            77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100,
            101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119,
            120, 121, 122, 123, 124, 125, 126, 127, 128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138,
            139, 140, 141, 142, 143, 144, 145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157,
            158, 159, 160, 161, 162, 163, 164, 165, 166, 167, 168, 169, 170, 171, 172, 173, 174, 175, 176,
            177, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191, 192, 193, 194, 195,
            196, 197, 198, 199, 200, 201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214,
            215, 216, 217, 218, 219, 220, 221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 233,
            234, 235, 236, 237, 238, 239, 240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252,
            253, 254, 255, 256, 257, 258, 259, 260].__len__()


class C:
    def m(self):
        return super().m()

    @classmethod
    def k(cls):
        return cls


for target in (f, g, h, gen, C, "a = b + 1", many_constants):
    dis.dis(target, file=out)
    out.show()
dis.dis(g, depth=0, file=out)
out.show()
print(dis.code_info(g), file=out)
print(file=out)
out.show()
dis.show_code(gen, file=out)
out.show()
for instruction in dis.get_instructions(f):
    if instruction.offset < 50:
        print(instruction)
print(list(dis.findlinestarts(f.__code__)))
print(dis.findlabels(f.__code__.co_code))
bytecode = dis.Bytecode(f, current_offset=14)
print(repr(bytecode).startswith('Bytecode(<function f'), bytecode.first_line, bytecode.exception_entries)
print(bytecode.dis())
print(bytecode.info() == dis.code_info(f))
print([i.opname for i in dis.Bytecode(g, first_line=1)][:8])
print(dis.opname[100], dis.opmap['CALL'], dis.HAVE_ARGUMENT, dis.EXTENDED_ARG, dis.hasconst, dis.hasjrel)
print(opcode.hasname, opcode.haslocal, opcode.hasfree, opcode.hascompare, opcode.cmp_op)
print([opcode.stack_effect(opcode.opmap[name], 1) for name in ('LOAD_CONST', 'BUILD_MAP', 'CALL_FUNCTION_EX')])
print(opcode.stack_effect(opcode.opmap['FOR_ITER'], 1, jump=True), opcode.stack_effect(opcode.opmap['POP_TOP']))
for bad in [(1, 1), (100,), (3,)]:
    try:
        opcode.stack_effect(*bad)
    except ValueError as e:
        print('ValueError', e)
print(dis.pretty_flags(0x1f3 | 0x10000), dis.pretty_flags(0))
try:
    dis.dis(42)
except TypeError as e:
    print('TypeError', e)
dis.dis(bytes([100, 0, 83, 0]), file=out)
out.show()
try:
    1 / 0
except ZeroDivisionError as e:
    dis.distb(e.__traceback__, file=out)
    out.show()
