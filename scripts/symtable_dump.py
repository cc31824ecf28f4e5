#!/usr/bin/env python3
"""Print the symbol tables of a Python file, as CPython's `symtable` module sees them.

    python3 scripts/symtable_dump.py FILE

The format is the one `garter --symtable FILE` prints (Sources/GarterCompiler/
Symbols/SymbolTableDump.swift); the two are compared byte for byte:

    module top line=0 nested=0 optimized=0 children=1
      symbol f LOCAL DEF_LOCAL
      function f line=1 nested=0 optimized=1 children=0 params=a,b
        symbol a LOCAL DEF_PARAM|USE

One line per table (type, name, first line, is_nested(), is_optimized(), number of
children, and for functions the parameters in co_varnames order), then one line per
symbol in get_identifiers() order with its scope and flags, then the child tables,
each level indented by two more spaces. The source is read as bytes (PEP 263
decoding applies) and compiled in 'exec' mode.

One exception to get_identifiers() order: the free names CPython's analysis adds to a
table only to pass them on to an inner one (no flag of their own, scope FREE) are
added in the iteration order of a Python set, which depends on string hashing and so
changes from run to run. They always come last; they are printed last, sorted.

A file CPython rejects (parser, future or symbol-table SyntaxError) prints the
exception as `python3 FILE` would to stderr and exits 1.
"""
import _symtable
import symtable
import sys
import traceback

SCOPE_BITS = (1 << _symtable.SCOPE_OFF) - 1
DEF_COMP_ITER = 2 << 8        # not exported by _symtable in 3.11
FLAG_NAMES = [
    (_symtable.DEF_GLOBAL, "DEF_GLOBAL"),
    (_symtable.DEF_LOCAL, "DEF_LOCAL"),
    (_symtable.DEF_PARAM, "DEF_PARAM"),
    (_symtable.DEF_NONLOCAL, "DEF_NONLOCAL"),
    (_symtable.USE, "USE"),
    (_symtable.DEF_FREE, "DEF_FREE"),
    (_symtable.DEF_FREE_CLASS, "DEF_FREE_CLASS"),
    (_symtable.DEF_IMPORT, "DEF_IMPORT"),
    (_symtable.DEF_ANNOT, "DEF_ANNOT"),
    (DEF_COMP_ITER, "DEF_COMP_ITER"),
]
SCOPE_NAMES = {
    _symtable.LOCAL: "LOCAL",
    _symtable.GLOBAL_EXPLICIT: "GLOBAL_EXPLICIT",
    _symtable.GLOBAL_IMPLICIT: "GLOBAL_IMPLICIT",
    _symtable.FREE: "FREE",
    _symtable.CELL: "CELL",
}


def flag_text(flags):
    names = [name for bit, name in FLAG_NAMES if flags & bit]
    unknown = flags & SCOPE_BITS & ~sum(bit for bit, _ in FLAG_NAMES)
    if unknown:
        names.append(hex(unknown))
    return "|".join(names) or "-"


def dump_table(table, depth, out):
    raw = table._table
    pad = "  " * depth
    line = (f"{pad}{table.get_type()} {table.get_name()} line={table.get_lineno()} "
            f"nested={int(table.is_nested())} optimized={int(table.is_optimized())} "
            f"children={len(raw.children)}")
    if table.get_type() == "function":
        line += " params=" + ",".join(raw.varnames)
    out.append(line)
    symbols = list(raw.symbols.items())
    collected = [(name, flags) for name, flags in symbols if flags & SCOPE_BITS]
    passed_on = sorted((name, flags) for name, flags in symbols if not flags & SCOPE_BITS)
    for name, flags in collected + passed_on:
        scope = (flags >> _symtable.SCOPE_OFF) & _symtable.SCOPE_MASK
        out.append(f"{pad}  symbol {name} {SCOPE_NAMES.get(scope, scope)} {flag_text(flags)}")
    for child in table.get_children():
        dump_table(child, depth + 1, out)


def dump(source, path):
    """The dump text (ending in a newline); raises SyntaxError as CPython does."""
    out = []
    dump_table(symtable.symtable(source, path, "exec"), 0, out)
    return "\n".join(out) + "\n"


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    path = sys.argv[1]
    with open(path, "rb") as f:
        source = f.read()
    try:
        text = dump(source, path)
    except (SyntaxError, ValueError) as e:
        sys.stderr.write("".join(traceback.format_exception_only(type(e), e)))
        return 1
    sys.stdout.buffer.write(text.encode("utf-8", "surrogateescape"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
