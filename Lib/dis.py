"""Disassembler of Garter's bytecode into mnemonics.

Garter's code objects expose CPython 3.11's encoding in co_code,
co_linetable and co_exceptiontable, so this module reads them the way
CPython 3.11's dis does and prints the same text. It is Garter's own
module (CPython's dis.py is neither copied nor imported); it needs only
`sys` and `opcode`, so it works before the rest of the library does.
"""

import sys

from opcode import *
from opcode import __all__ as _opcodes_all
from opcode import _cache_format, _inline_cache_entries, _nb_ops, _specializations

__all__ = ["code_info", "dis", "disassemble", "distb", "disco",
           "findlinestarts", "findlabels", "show_code",
           "get_instructions", "Instruction", "Bytecode"] + _opcodes_all
del _opcodes_all

COMPILER_FLAG_NAMES = {
    1: "OPTIMIZED", 2: "NEWLOCALS", 4: "VARARGS", 8: "VARKEYWORDS", 16: "NESTED",
    32: "GENERATOR", 64: "NOFREE", 128: "COROUTINE", 256: "ITERABLE_COROUTINE",
    512: "ASYNC_GENERATOR",
}
FORMAT_VALUE_CONVERTERS = ((None, ''), (str, 'str'), (repr, 'repr'), (ascii, 'ascii'))
MAKE_FUNCTION_FLAGS = ('defaults', 'kwdefaults', 'annotations', 'closure')

LOAD_CONST = opmap['LOAD_CONST']
LOAD_GLOBAL = opmap['LOAD_GLOBAL']
BINARY_OP = opmap['BINARY_OP']
FORMAT_VALUE = opmap['FORMAT_VALUE']
MAKE_FUNCTION = opmap['MAKE_FUNCTION']
CACHE = opmap['CACHE']

_BACKWARD_JUMPS = frozenset(opmap[name] for name in opmap if 'JUMP_BACKWARD' in name)
_OPNAME_WIDTH = 20
_OPARG_WIDTH = 5
# Arguments are signed 32-bit in C: EXTENDED_ARG chains wrap around.
_ARG_LIMIT = 1 << 31


class _Unknown:
    def __repr__(self):
        return "<unknown>"


UNKNOWN = _Unknown()


def _record(name, fields):
    """A small named-tuple class (this module avoids `collections`)."""
    def __new__(cls, *args, **kwargs):
        values = list(args) + [None] * (len(fields) - len(args))
        for key, value in kwargs.items():
            if key not in fields:
                raise TypeError(f"{name}.__new__() got an unexpected keyword argument '{key}'")
            values[fields.index(key)] = value
        return tuple.__new__(cls, values)

    def __repr__(self):
        inner = ", ".join(f"{field}={value!r}" for field, value in zip(fields, self))
        return f"{name}({inner})"

    def _replace(self, **changes):
        return type(self)(**{**dict(zip(fields, self)), **changes})

    def _asdict(self):
        return dict(zip(fields, self))

    namespace = {'__new__': __new__, '__repr__': __repr__, '_replace': _replace,
                 '_asdict': _asdict, '_fields': tuple(fields), '__slots__': ()}
    for index, field in enumerate(fields):
        namespace[field] = property(lambda self, index=index: tuple.__getitem__(self, index))
    return type(name, (tuple,), namespace)


Positions = _record('Positions', ['lineno', 'end_lineno', 'col_offset', 'end_col_offset'])
_ExceptionTableEntry = _record('_ExceptionTableEntry', ['start', 'end', 'target', 'depth', 'lasti'])
_InstructionBase = _record('Instruction', ['opname', 'opcode', 'arg', 'argval', 'argrepr',
                                           'offset', 'starts_line', 'is_jump_target', 'positions'])


class Instruction(_InstructionBase):
    """Details for one bytecode instruction (CPython 3.11's fields)."""
    __slots__ = ()

    def _disassemble(self, lineno_width=3, mark_as_current=False, offset_width=4):
        """The instruction as one line of `dis` output."""
        columns = []
        if lineno_width:
            line = self.starts_line
            columns.append(' ' * lineno_width if line is None else str(line).rjust(lineno_width))
        columns.append('-->' if mark_as_current else '   ')
        columns.append('>>' if self.is_jump_target else '  ')
        columns.append(str(self.offset).rjust(offset_width))
        columns.append(self.opname.ljust(_OPNAME_WIDTH))
        if self.arg is not None:
            columns.append(str(self.arg).rjust(_OPARG_WIDTH))
            if self.argrepr:
                columns.append(f'({self.argrepr})')
        return ' '.join(columns).rstrip()


def pretty_flags(flags):
    """The names of the bits set in co_flags."""
    names = []
    for bit in range(32):
        flag = 1 << bit
        if flags & flag:
            names.append(COMPILER_FLAG_NAMES.get(flag, hex(flag)))
            flags ^= flag
            if not flags:
                break
    else:
        names.append(hex(flags))
    return ", ".join(names)


def _try_compile(source, name):
    try:
        return compile(source, name, 'eval')
    except SyntaxError:
        return compile(source, name, 'exec')


def _unwrap(x):
    """The function or code object behind a method, generator, coroutine..."""
    if hasattr(x, '__func__'):
        x = x.__func__
    if hasattr(x, '__code__'):
        return x.__code__
    for attribute in ('gi_code', 'ag_code', 'cr_code'):
        if hasattr(x, attribute):
            return getattr(x, attribute)
    return x


def _get_code_object(x):
    x = _unwrap(x)
    if isinstance(x, str):
        x = _try_compile(x, "<disassembly>")
    if hasattr(x, 'co_code'):
        return x
    raise TypeError(f"don't know how to disassemble {type(x).__name__} objects")


def code_info(x):
    """Formatted details of methods, functions, or code."""
    return _format_code_info(_get_code_object(x))


def _format_code_info(co):
    lines = [
        f"Name:              {co.co_name}",
        f"Filename:          {co.co_filename}",
        f"Argument count:    {co.co_argcount}",
        f"Positional-only arguments: {co.co_posonlyargcount}",
        f"Kw-only arguments: {co.co_kwonlyargcount}",
        f"Number of locals:  {co.co_nlocals}",
        f"Stack size:        {co.co_stacksize}",
        f"Flags:             {pretty_flags(co.co_flags)}",
    ]
    for title, items, show in (("Constants:", co.co_consts, repr), ("Names:", co.co_names, str),
                               ("Variable names:", co.co_varnames, str),
                               ("Free variables:", co.co_freevars, str),
                               ("Cell variables:", co.co_cellvars, str)):
        if items:
            lines.append(title)
            lines.extend(f"{index:4d}: {show(item)}" for index, item in enumerate(items))
    return "\n".join(lines)


def show_code(co, *, file=None):
    """Print details of methods, functions, or code to *file* (stdout)."""
    print(code_info(co), file=file)


def findlinestarts(code):
    """(offset, line) for each instruction that starts a new line."""
    previous = None
    for start, _end, line in code.co_lines():
        if line is not None and line != previous:
            previous = line
            yield start, line


def _unpack_opargs(code):
    """(offset, opcode, argument or None) per instruction, caches skipped."""
    extended = 0
    skip = 0
    for offset in range(0, len(code), 2):
        if skip:
            skip -= 1
            continue
        op = code[offset]
        skip = _inline_cache_entries[op]
        if op >= HAVE_ARGUMENT:
            arg = code[offset + 1] | extended
            extended = arg << 8 if op == EXTENDED_ARG else 0
            if extended >= _ARG_LIMIT:
                extended -= 2 * _ARG_LIMIT
        else:
            arg = None
            extended = 0
        yield offset, op, arg


def _jump_target(offset, op, arg):
    if op in hasjrel:
        step = -arg if op in _BACKWARD_JUMPS else arg
        return offset + 2 + 2 * step
    if op in hasjabs:
        return 2 * arg
    return None


def findlabels(code):
    """The offsets that jumps go to."""
    labels = []
    for offset, op, arg in _unpack_opargs(code):
        if arg is None:
            continue
        target = _jump_target(offset, op, arg)
        if target is not None and target not in labels:
            labels.append(target)
    return labels


def _read_varint(stream):
    byte = next(stream)
    value = byte & 63
    while byte & 64:
        byte = next(stream)
        value = (value << 6) | (byte & 63)
    return value


def _parse_exception_table(code):
    """The entries of co_exceptiontable, in byte offsets."""
    stream = iter(code.co_exceptiontable)
    entries = []
    while True:
        try:
            start = _read_varint(stream) * 2
        except StopIteration:
            return entries
        end = start + _read_varint(stream) * 2
        target = _read_varint(stream) * 2
        depth_and_lasti = _read_varint(stream)
        entries.append(_ExceptionTableEntry(start, end, target, depth_and_lasti >> 1,
                                            bool(depth_and_lasti & 1)))


def _describe(op, arg, offset, names, constants, varname, caches):
    """(argval, argrepr) for one instruction."""
    if op in hasconst:
        if op == LOAD_CONST and constants is not None:
            value = constants[arg]
            return value, repr(value)
        return UNKNOWN, ''
    if op in hasname:
        index = arg >> 1 if op == LOAD_GLOBAL else arg
        if names is None:
            return UNKNOWN, ''
        name = names[index]
        if op == LOAD_GLOBAL and arg & 1:
            return name, 'NULL + ' + name
        return name, name
    target = _jump_target(offset, op, arg)
    if target is not None:
        return target, f'to {target}'
    if op in haslocal or op in hasfree:
        if varname is None:
            return UNKNOWN, ''
        name = varname(arg)
        return name, name
    if op in hascompare:
        return cmp_op[arg], cmp_op[arg]
    if op == FORMAT_VALUE:
        converter, text = FORMAT_VALUE_CONVERTERS[arg & 3]
        with_format = bool(arg & 4)
        if with_format:
            text = (text + ', ' if text else '') + 'with format'
        return (converter, with_format), text
    if op == MAKE_FUNCTION:
        return arg, ', '.join(flag for bit, flag in enumerate(MAKE_FUNCTION_FLAGS) if arg & (1 << bit))
    if op == BINARY_OP:
        return arg, _nb_ops[arg][1]
    return arg, ''


def _get_instructions_bytes(code, varname_from_oparg=None, names=None, co_consts=None,
                            linestarts=None, line_offset=0, exception_entries=(),
                            co_positions=None, show_caches=False):
    positions = iter(co_positions or ())
    labels = set(findlabels(code))
    for entry in exception_entries:
        labels.add(entry.target)
    for offset, op, arg in _unpack_opargs(code):
        starts_line = None
        if linestarts is not None:
            starts_line = linestarts.get(offset)
            if starts_line is not None:
                starts_line += line_offset
        where = Positions(*next(positions, ()))
        argval, argrepr = (None, '') if arg is None else _describe(
            op, arg, offset, names, co_consts, varname_from_oparg, _inline_cache_entries[op])
        yield Instruction(opname[op], op, arg, argval, argrepr, offset, starts_line,
                          offset in labels, where)
        caches = _inline_cache_entries[op]
        if not caches:
            continue
        if not show_caches:
            for _ in range(caches):
                next(positions, ())
            continue
        cache_offset = offset
        for name, size in _cache_format[opname[op]].items():
            for index in range(size):
                cache_offset += 2
                text = f"{name}: {int.from_bytes(code[cache_offset:cache_offset + 2 * size], sys.byteorder)}" \
                    if index == 0 else ''
                yield Instruction('CACHE', CACHE, 0, None, text, cache_offset, None, False,
                                  Positions(*next(positions, ())))


def get_instructions(x, *, first_line=None, show_caches=False, adaptive=False):
    """An iterator over the instructions of a function, method, code or source string."""
    co = _get_code_object(x)
    offset = 0 if first_line is None else first_line - co.co_firstlineno
    return _get_instructions_bytes(_code_bytes(co, adaptive), co._varname_from_oparg, co.co_names,
                                   co.co_consts, dict(findlinestarts(co)), offset,
                                   _parse_exception_table(co), co.co_positions(), show_caches)


def _code_bytes(co, adaptive):
    return co._co_code_adaptive if adaptive else co.co_code


def _disassemble_bytes(code, lasti=-1, varname_from_oparg=None, names=None, co_consts=None,
                       linestarts=None, *, file=None, line_offset=0, exception_entries=(),
                       co_positions=None, show_caches=False):
    show_lines = bool(linestarts)
    if show_lines:
        last_line = max(linestarts.values()) + line_offset
        lineno_width = len(str(last_line)) if last_line >= 1000 else 3
    else:
        lineno_width = 0
    last_offset = len(code) - 2
    offset_width = len(str(last_offset)) if last_offset >= 10000 else 4
    for instruction in _get_instructions_bytes(code, varname_from_oparg, names, co_consts, linestarts,
                                               line_offset, exception_entries, co_positions, show_caches):
        if show_lines and instruction.starts_line is not None and instruction.offset > 0:
            print(file=file)
        current = instruction.offset == lasti
        print(instruction._disassemble(lineno_width, current, offset_width), file=file)
    if exception_entries:
        print("ExceptionTable:", file=file)
        for entry in exception_entries:
            lasti_text = " lasti" if entry.lasti else ""
            print(f"  {entry.start} to {entry.end - 2} -> {entry.target} [{entry.depth}]{lasti_text}", file=file)


def disassemble(co, lasti=-1, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a code object (marking the instruction at *lasti*)."""
    _disassemble_bytes(_code_bytes(co, adaptive), lasti, co._varname_from_oparg, co.co_names,
                       co.co_consts, dict(findlinestarts(co)), file=file,
                       exception_entries=_parse_exception_table(co), co_positions=co.co_positions(),
                       show_caches=show_caches)


disco = disassemble


def _disassemble_recursive(co, *, file=None, depth=None, show_caches=False, adaptive=False):
    disassemble(co, file=file, show_caches=show_caches, adaptive=adaptive)
    if depth is not None and depth <= 0:
        return
    inner_depth = None if depth is None else depth - 1
    for constant in co.co_consts:
        if hasattr(constant, 'co_code'):
            print(file=file)
            print(f"Disassembly of {constant!r}:", file=file)
            _disassemble_recursive(constant, file=file, depth=inner_depth,
                                   show_caches=show_caches, adaptive=adaptive)


def _disassemble_str(source, **kwargs):
    _disassemble_recursive(_try_compile(source, '<dis>'), **kwargs)


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False):
    """Disassemble classes, methods, functions, generators, code, source or raw bytecode.

    With no argument, disassemble the last traceback.
    """
    options = dict(file=file, show_caches=show_caches)
    if x is None:
        distb(file=file, **{'show_caches': show_caches, 'adaptive': adaptive})
        return
    x = _unwrap(x)
    if hasattr(x, '__dict__'):
        for name, member in sorted(x.__dict__.items()):
            member = _unwrap(member)
            if isinstance(member, (classmethod, staticmethod)):
                member = _unwrap(member.__func__)
            if hasattr(member, 'co_code') or isinstance(member, type):
                print(f"Disassembly of {name}:", file=file)
                try:
                    dis(member, file=file, depth=depth, show_caches=show_caches, adaptive=adaptive)
                except TypeError as error:
                    print("Sorry:", error, file=file)
                print(file=file)
    elif hasattr(x, 'co_code'):
        _disassemble_recursive(x, depth=depth, adaptive=adaptive, **options)
    elif isinstance(x, (bytes, bytearray)):
        _disassemble_bytes(x, **options)
    elif isinstance(x, str):
        _disassemble_str(x, depth=depth, adaptive=adaptive, **options)
    else:
        raise TypeError(f"don't know how to disassemble {type(x).__name__} objects")


def distb(tb=None, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a traceback (the last one by default)."""
    if tb is None:
        try:
            tb = sys.last_traceback
        except AttributeError:
            raise RuntimeError("no last traceback to disassemble") from None
        while tb.tb_next:
            tb = tb.tb_next
    disassemble(tb.tb_frame.f_code, tb.tb_lasti, file=file, show_caches=show_caches, adaptive=adaptive)


class _TextSink:
    """Collects what `print(..., file=sink)` writes (no `io` needed)."""

    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)
        return len(text)

    def getvalue(self):
        return ''.join(self.parts)


class Bytecode:
    """The bytecode operations of a piece of code, iterable as Instructions."""

    def __init__(self, x, *, first_line=None, current_offset=None, show_caches=False, adaptive=False):
        self.codeobj = co = _get_code_object(x)
        if first_line is None:
            self.first_line = co.co_firstlineno
            self._line_offset = 0
        else:
            self.first_line = first_line
            self._line_offset = first_line - co.co_firstlineno
        self._linestarts = dict(findlinestarts(co))
        self._original_object = x
        self.current_offset = current_offset
        self.exception_entries = _parse_exception_table(co)
        self.show_caches = show_caches
        self.adaptive = adaptive

    def __iter__(self):
        co = self.codeobj
        return _get_instructions_bytes(_code_bytes(co, self.adaptive), co._varname_from_oparg,
                                       co.co_names, co.co_consts, self._linestarts, self._line_offset,
                                       self.exception_entries, co.co_positions(), self.show_caches)

    def __repr__(self):
        return f"{self.__class__.__name__}({self._original_object!r})"

    @classmethod
    def from_traceback(cls, tb, *, show_caches=False, adaptive=False):
        """A Bytecode for the innermost frame of a traceback."""
        while tb.tb_next:
            tb = tb.tb_next
        return cls(tb.tb_frame.f_code, current_offset=tb.tb_lasti, show_caches=show_caches,
                   adaptive=adaptive)

    def info(self):
        """Formatted details of the code object."""
        return _format_code_info(self.codeobj)

    def dis(self):
        """The disassembly as one string."""
        co = self.codeobj
        offset = -1 if self.current_offset is None else self.current_offset
        sink = _TextSink()
        _disassemble_bytes(_code_bytes(co, self.adaptive), varname_from_oparg=co._varname_from_oparg,
                           names=co.co_names, co_consts=co.co_consts, linestarts=self._linestarts,
                           line_offset=self._line_offset, file=sink, lasti=offset,
                           exception_entries=self.exception_entries, co_positions=co.co_positions(),
                           show_caches=self.show_caches)
        return sink.getvalue()


def _test():
    """Disassemble a file given on the command line (or stdin)."""
    source_name = sys.argv[1] if len(sys.argv) > 1 else None
    if source_name is None:
        source = sys.stdin.read()
        source_name = '<stdin>'
    else:
        with open(source_name, 'rb') as stream:
            source = stream.read()
    dis(compile(source, source_name, 'exec'))


if __name__ == "__main__":
    _test()
