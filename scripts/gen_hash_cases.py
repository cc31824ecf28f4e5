#!/usr/bin/env python3
"""Regenerates the CPython 3.11 expectations for Garter's hashing and hash
tables (Sources/GarterRuntime/Hashing, Sources/GarterRuntime/Collections):

    Tests/GarterRuntimeTests/HashingGeneratedCases.swift
    Tests/GarterRuntimeTests/SetStorageGeneratedCases.swift
    Tests/GarterRuntimeTests/DictStorageGeneratedCases.swift

Run with CPython 3.11 on x86-64:   python3 scripts/gen_hash_cases.py

String hashes depend on PYTHONHASHSEED, which CPython reads at start-up, so
this script runs itself once per seed (`--worker`) and collects the results.

Encodings (decoded by the Swift tests):
  code points   hex numbers joined by "."  (the empty string is "-")
  bytes         hex digits, two per byte   ("-" when empty)
  tuple items   i<int>  s<code points>  t(<item>,<item>...)  f(<item>,...)
                (f is a frozenset)
  set and dict programs: operations separated by spaces, outputs separated
  by " | " (see SetStorageTestSupport.swift / DictStorageTests.swift):
    items       i<int>   s<ASCII word>   bT / bF (True / False)
    A+x A-x     add / discard (dicts: d[x] = <number of the operation>, del)
    A+r<a>:<b>:<c>, A-r<a>:<b>:<c>   the same for every int of range(a, b, c)
    A.pop       set.pop() / dict.popitem(): prints the item or E
    A?          prints the members (dicts: key=value) in iteration order,
                then "/" and the table's slot count from sys.getsizeof
                (dicts: "/<slots>/<allocated entries>/<kind>", kind s for
                CPython's str-keys-only tables, g for general, - if unallocated)
    A.clear A.copy (prints the copy)  A|B A&B A-B A^B (print the result)
    A|=B A&=B A-=B A^=B (then print A)  A<=B A.dis(B) A==B (True/False)
    A.hash      hash(frozenset(A))     A.get x   (dicts: value or miss)
"""
import json
import os
import random
import subprocess
import sys

assert sys.version_info[:2] == (3, 11), "the oracle is CPython 3.11"

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTS = os.path.join(ROOT, 'Tests', 'GarterRuntimeTests')
SEEDS = ['0', '1', '42', '12345', '4294967295']
SEED_TEXTS = ['0', '1', '42', '-0', '+7', ' 8', '\t9', '4294967295', '4294967296', '-1', 'abc',
              '12a', ' ', '0x10', '99999999999999999999999', 'random', '']


# ---------------------------------------------------------------- inputs

def strings():
    out = ['', 'a', 'ab', 'abc', 'hello', 'hello world', 'abcdefg', 'abcdefgh', 'abcdefghi',
           'x' * 15, 'y' * 16, 'z' * 17, 'The quick brown fox jumps over the lazy dog',
           '__init__', 'print', 'self', '\x00', '\x00\x00', '\x7f', '\x80',
           'caf\xe9', '\xff' * 9, 'na\xefve r\xe9sum\xe9', '\xa0',
           '\u20ac', '\u65e5\u672c\u8a9e', 'A\u0100', '\u0100' * 4, '\u0100' * 5, '\ud800', 'a\udfffb',
           '\uffff', 'x\u20acy\u20acz',
           '\U0001f600', 'a\U0001f600b', '\U0010ffff', '\U00010000' * 3, 'caf\xe9 \u20ac \U0001f600',
           'long ' * 200, '\xe9' * 1000, '\u4e00' * 333, '\U0001f600' * 77]
    rng = random.Random(7)
    for length in range(0, 26):
        for alphabet in (range(0x20, 0x7f), range(0x80, 0x100), range(0x100, 0x2000), range(0x10000, 0x10100)):
            out.append(''.join(chr(rng.choice(alphabet)) for _ in range(length)))
    return out


def byte_strings():
    rng = random.Random(8)
    out = [b'', b'a', b'abc', b'\x00', b'\xff' * 8, bytes(range(256)), b'hello world']
    for length in range(0, 20):
        out.append(bytes(rng.randrange(256) for _ in range(length)))
    return out


def tuples():
    return [(), (0,), (1,), (-1,), (-2,), (1, 2), (2, 1), (1, 2, 3), ('a',), ('a', 'b'), ('', ''),
            (1, 'a'), ((),), ((), ()), ((1, 2), (3, 4)), (1, (2, (3, (4,)))), (2**61 - 1, 2**61, -2**63),
            (True, False), tuple(range(50)), ('caf\xe9', '\u20ac', '\U0001f600'),
            (frozenset(),), (frozenset([1, 2]), 'x'), tuple('abcdefghijklmnop'),
            (10**18, -10**18, 12345678901234567)]


def frozensets():
    return [frozenset(), frozenset([0]), frozenset([1]), frozenset([-1]), frozenset([1, 2, 3]),
            frozenset(range(100)), frozenset(['a', 'b']), frozenset([1, 'a', (2, 'b')]),
            frozenset([frozenset([1]), frozenset([2])]), frozenset([frozenset()]),
            frozenset(range(-20, 20, 3)), frozenset([2**61 - 1, 2**61, -2**63, 2**63 - 1])]


def enc_text(text):
    return '.'.join('%x' % ord(c) for c in text) or '-'


def enc_item(value):
    if isinstance(value, int):  # bools too: hash(True) == hash(1)
        return 'i%d' % value
    if isinstance(value, str):
        return 's' + enc_text(value)
    if isinstance(value, tuple):
        return 't(' + ','.join(enc_item(v) for v in value) + ')'
    if isinstance(value, frozenset):
        return 'f(' + ','.join(enc_item(v) for v in sorted(value, key=repr)) + ')'
    raise ValueError(value)


# ---------------------------------------------------------------- programs

INT_POOL = ([0, 1, 2, 3, 5, 7, 8, 9, 16, 17, 24, 32, 33, 40, 64, 65, 72, 128, 256, 1000, -1, -2, -3, -8, -9,
             2**61 - 1, 2**61, 2**61 + 1, 2**62, 2**63 - 1, -2**63, -2**63 + 1, 10**18, -10**18]
            + [i * 8 for i in range(10)] + [i * 32 + 1 for i in range(10)] + [i * 512 for i in range(6)])
WORDS = ['a', 'b', 'c', 'ab', 'ba', 'abc', 'key', 'value', 'x1', 'x2', 'x3', 'spam', 'eggs', 'ham', 'foo',
         'bar', 'baz', 'qux', 'self', 'name', 'k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7', 'k8', 'k9']


def item_text(value):
    if isinstance(value, bool):
        return 'bT' if value else 'bF'
    if isinstance(value, int):
        return 'i%d' % value
    return 's' + value


def parse_item(text):
    if text[0] == 'i':
        return int(text[1:])
    if text[0] == 's':
        return text[1:]
    if text == 'bT':
        return True
    if text == 'bF':
        return False
    raise ValueError(text)


def random_program(rng, kind, pool, length, two=True, dict_mode=False):
    ops = []
    names = 'AB' if two else 'A'
    for _ in range(length):
        name = rng.choice(names)
        r = rng.random()
        if r < 0.55:
            ops.append('%s+%s' % (name, item_text(rng.choice(pool))))
        elif r < 0.8:
            ops.append('%s-%s' % (name, item_text(rng.choice(pool))))
        elif r < 0.88:
            ops.append('%s.pop' % name)
        elif r < 0.93:
            ops.append('%s?' % name)
        elif r < 0.95:
            ops.append('%s.get%s' % (name, item_text(rng.choice(pool))) if dict_mode else '%s.copy' % name)
        else:
            ops.append('%s.copy' % name)
    ops += ['A?'] + (['B?'] if two else [])
    if two and not dict_mode:
        ops += ['A|B', 'A&B', 'B&A', 'A-B', 'B-A', 'A^B', 'B^A', 'A<=B', 'A.dis(B)', 'A==B', 'A.hash', 'B.hash']
    if two and dict_mode:
        ops += ['A|=B']
    return ' '.join(ops)


def set_programs(with_strings):
    rng = random.Random(1234)
    programs = [
        'A+i1 A+i2 A+i3 A?',
        'A+r0:5:1 A? A+i5 A?',
        'A+r0:100:1 A? A-r0:90:1 A? A+i5 A? A.pop A.pop A.pop A?',
        'A+r0:64:8 A? A-i0 A-i8 A+i64 A+i72 A+i0 A?',
        'A+i-1 A+i-2 A? A-i-1 A? A+i-1 A?',
        'A+i1 A+bT A+i2 A? B+bT B+i1 B? A==B',
        'A+r0:50000:1 A-r0:50000:3 A.hash A+i99999 A.pop A.pop A.pop',
        'A+r0:60000:7 A.hash A.pop',
        'A+r0:20:1 A-r0:20:1 A? A+i3 A? A.pop A.pop',
        'A+r0:40:1 B+r20:60:1 A|B A&B A-B B-A A^B A-=B A? A|=B A? A&=B A? A^=B A?',
        'A+r0:1000:1 B+r0:10:1 A-B B-A A-=B A?',
        'A+r0:10:1 B+r0:1000:1 A-=B A? B-=A B?',
        'A+r0:8:1 A.copy A+r8:16:1 A.copy A.clear A? A+i5 A?',
        'A.pop A? A.copy A.hash A|B A&B',
        'A+r0:30:1 A.pop A.pop A.pop A.pop A+i100 A+i101 A.pop A.pop A?',
        'A+r0:5:1 B+r3:9:1 A|=A A? A&=A A? A-=A A? B^=B B?',
    ]
    for n in range(60):
        programs.append(random_program(rng, 'set', INT_POOL, rng.randrange(5, 80)))
    for n in range(25):
        pool = [rng.randrange(-10**6, 10**6) for _ in range(40)]
        programs.append(random_program(rng, 'set', pool, rng.randrange(20, 200)))
    if with_strings:
        for n in range(40):
            programs.append(random_program(rng, 'set', WORDS, rng.randrange(5, 80)))
        mixed = WORDS[:12] + INT_POOL[:20] + [True, False]
        for n in range(25):
            programs.append(random_program(rng, 'set', mixed, rng.randrange(5, 80)))
        programs.append('A+sa A+sb A+sc A+sabc A-sb A+sbb A? A.hash')
    return programs


def dict_programs(seed_is_zero):
    rng = random.Random(4321)
    programs = [
        'A+i1 A+i2 A+i3 A?',
        'A? A+i1 A? A+r0:5:1 A? A+i5 A? A+i6 A?',
        'A+r0:100:1 A-r0:90:1 A? A+i5 A? A+i1000 A? A.pop A.pop A?',
        'A+i1 A+i2 A+i3 A-i2 A+i2 A? A-i1 A+i1 A?',
        'A+r0:10:1 A.pop A.pop A+i100 A? A.pop A.pop A.pop A?',
        'A+i-1 A+i-2 A? A-i-1 A? A.geti-2 A.geti-1',
        'A+i1 A+bT A? A+i2 A-bT A?',
        'A+r0:30:1 A-r0:25:1 A.copy A+r0:5:1 A.copy A.clear A? A.copy A+i7 A?',
        'A+r0:6:1 A.copy B|=A B? B+r6:20:1 A|=B A?',
        'A+r0:1000:1 A-r0:1000:2 A.copy A.pop A.pop A?',
        'A+r0:128:1 A? A+i128 A? A-r0:100:1 A+r1000:1200:1 A?',
        'A+r0:100000:1 A-r0:99990:1 A? A.pop A?',
        'A.pop A.clear A? A.copy A|=B A?',
    ]
    for n in range(50):
        programs.append(random_program(rng, 'dict', INT_POOL, rng.randrange(5, 80), dict_mode=True))
    if seed_is_zero:
        for n in range(20):
            programs.append(random_program(rng, 'dict', WORDS + INT_POOL[:10], rng.randrange(5, 80), dict_mode=True))
    return programs


def slots_of_set(s):
    extra = sys.getsizeof(s) - sys.getsizeof(set())
    return 8 if extra == 0 else extra // 16


def dict_layout(d):
    """(slots, allocated entries, kind) of a dict's key table, from
    sys.getsizeof: kind is "s" for CPython's str-keys-only tables (16-byte
    entries), "g" for general ones (24 bytes), "-" when nothing is allocated."""
    extra = sys.getsizeof(d) - sys.getsizeof({})
    if extra == 0:
        return (8, 0, '-')
    found = []
    for log2 in range(3, 31):
        size = 1 << log2
        width = 1 if log2 < 8 else 2 if log2 < 16 else 4 if log2 < 32 else 8
        usable = (size << 1) // 3
        for entry_size, kind in ((24, 'g'), (16, 's')):
            if 32 + size * width + usable * entry_size == extra:
                found.append((size, usable, kind))
    assert len(found) == 1, 'sys.getsizeof %d: table layouts %r' % (sys.getsizeof(d), found)
    return found[0]


def expand(op):
    """Ranges in add/discard operations become one operation per int."""
    if len(op) > 3 and op[1] in '+-' and op[2] == 'r':
        start, stop, step = (int(x) for x in op[3:].split(':'))
        return ['%s%si%d' % (op[0], op[1], i) for i in range(start, stop, step)]
    return [op]


def run_set_program(program):
    sets = {'A': set(), 'B': set()}
    out = []

    def show(s):
        return ','.join(item_text(x) for x in s) + '/%d' % slots_of_set(s)

    for raw in program.split():
        for op in expand(raw):
            name = op[0]
            s = sets[name]
            rest = op[1:]
            if rest[0] == '+' and rest[1] in 'isb':
                s.add(parse_item(rest[1:]))
            elif rest[0] == '-' and rest[1] in 'isb':
                s.discard(parse_item(rest[1:]))
            elif rest == '.pop':
                try:
                    out.append(item_text(s.pop()))
                except KeyError:
                    out.append('E')
            elif rest == '?':
                out.append(show(s))
            elif rest == '.clear':
                s.clear()
            elif rest == '.copy':
                out.append(show(s.copy()))
            elif rest == '.hash':
                out.append(str(hash(frozenset(s))))
            elif rest == '.dis(B)':
                out.append(str(s.isdisjoint(sets['B'])))
            elif rest[:2] in ('|=', '&=', '-=', '^='):
                other = sets[rest[2]]
                if rest[0] == '|':
                    s |= other
                elif rest[0] == '&':
                    s &= other
                elif rest[0] == '-':
                    s -= other
                else:
                    s ^= other
                out.append(show(s))
            elif rest[:2] in ('<=', '=='):
                other = sets[rest[2]]
                out.append(str(s <= other if rest[0] == '<' else s == other))
            elif rest[0] in '|&-^':
                other = sets[rest[1]]
                result = {'|': s.__or__, '&': s.__and__, '-': s.__sub__, '^': s.__xor__}[rest[0]](other)
                out.append(show(result))
            else:
                raise ValueError(op)
    return ' | '.join(out)


def run_dict_program(program):
    dicts = {'A': {}, 'B': {}}
    out = []
    counter = 0

    def show(d):
        slots, allocated, kind = dict_layout(d)
        items = ','.join('%s=%d' % (item_text(k), v) for k, v in d.items())
        return items + '/%d/%d/%s' % (slots, allocated, kind)

    for raw in program.split():
        for op in expand(raw):
            counter += 1
            name = op[0]
            d = dicts[name]
            rest = op[1:]
            if rest[0] == '+' and rest[1] in 'isb':
                d[parse_item(rest[1:])] = counter
            elif rest[0] == '-' and rest[1] in 'isb':
                d.pop(parse_item(rest[1:]), None)
            elif rest.startswith('.get'):
                value = d.get(parse_item(rest[4:]))
                out.append('miss' if value is None else str(value))
            elif rest == '.pop':
                try:
                    k, v = d.popitem()
                    out.append('%s=%d' % (item_text(k), v))
                except KeyError:
                    out.append('E')
            elif rest == '?':
                out.append(show(d))
            elif rest == '.clear':
                d.clear()
            elif rest == '.copy':
                out.append(show(d.copy()))
            elif rest == '|=A' or rest == '|=B':
                d.update(dicts[rest[2]])
                out.append(show(d))
            else:
                raise ValueError(op)
    return ' | '.join(out)


# ---------------------------------------------------------------- mutation during lookup

class Key:
    """A key whose __eq__ may mutate the dict or set being searched."""

    def __init__(self, name, hash_value, log, action=None):
        self.name, self.hash_value, self.log, self.action = name, hash_value, log, action

    def __hash__(self):
        return self.hash_value

    def __eq__(self, other):
        self.log.append('%s=%s' % (self.name, other.name))
        if self.action is not None:
            action, self.action = self.action, None
            action()
        return self.name == other.name


def mutation_scenarios():
    """Each scenario: a table of Keys with equal hashes (so every probe
    compares), one lookup whose first comparison mutates the table; the
    outputs are the comparisons made, in order, the result, and the
    final contents."""
    results = []
    for container in ('dict', 'set'):
        for action_name in ('remove', 'grow', 'clear', 'readd'):
            log = []
            table = {} if container == 'dict' else set()
            keys = [Key('k%d' % i, 5, log) for i in range(4)]
            for k in keys:
                if container == 'dict':
                    table[k] = k.name
                else:
                    table.add(k)
            probe = Key('k2', 5, log)

            def act(action_name=action_name, table=table, keys=keys):
                if action_name == 'remove':
                    (table.pop if container == 'dict' else table.remove)(keys[1])
                elif action_name == 'grow':
                    for i in range(20):
                        extra = Key('g%d' % i, 1000 + i, log)
                        if container == 'dict':
                            table[extra] = extra.name
                        else:
                            table.add(extra)
                elif action_name == 'clear':
                    table.clear()
                elif action_name == 'readd':
                    (table.pop if container == 'dict' else table.remove)(keys[0])
                    if container == 'dict':
                        table[keys[0]] = 'again'
                    else:
                        table.add(keys[0])
            keys[0].action = act
            log.clear()
            found = probe in table
            names = [k.name for k in table]
            results.append('%s %s\t%s\t%s\t%s' % (container, action_name, ','.join(log), found, ','.join(names)))
    # dict.update(other) whose comparison adds a key to `other`.
    log = []
    target_key = Key('k0', 5, log)
    target = {target_key: 'k0'}
    source = {Key('k1', 5, log): 'k1', Key('k2', 6, log): 'k2'}
    target_key.action = lambda: source.__setitem__(Key('x', 7, log), 'x')
    try:
        target.update(source)
        outcome = 'ok'
    except RuntimeError as error:
        outcome = 'RuntimeError: %s' % error
    results.append('dict update-mutated\t%s\t%s\t%s' % (','.join(log), outcome, ','.join(k.name for k in target)))
    return results


# ---------------------------------------------------------------- worker

def worker():
    seed = os.environ['PYTHONHASHSEED']
    result = {
        'strings': ['%s\t%d' % (enc_text(s), hash(s)) for s in strings()],
        'bytes': ['%s\t%d' % (b.hex() or '-', hash(b)) for b in byte_strings()],
        'tuples': ['%s\t%d' % (enc_item(t), hash(t)) for t in tuples()],
        'frozensets': ['%s\t%d' % (enc_item(f), hash(f)) for f in frozensets()],
        'sets': ['%s\t%s' % (p, run_set_program(p)) for p in set_programs(seed in ('0', '42'))],
        'dicts': ['%s\t%s' % (p, run_dict_program(p)) for p in dict_programs(seed == '0')],
    }
    if seed == '0':
        result['mutation'] = mutation_scenarios()
    json.dump(result, sys.stdout)


def seed_case(text):
    env = dict(os.environ)
    env['PYTHONHASHSEED'] = text
    run = subprocess.run([sys.executable, '-c', 'import sys; print(sys.flags.hash_randomization, hash("abc"))'],
                         env=env, capture_output=True, text=True)
    if run.returncode != 0:
        return '%s\terror\t%d\t%s' % (enc_text(text), run.returncode, run.stderr.encode('unicode_escape').decode())
    flag, value = run.stdout.split()
    if text in ('', 'random'):
        value = 'random'
    return '%s\tok\t%s\t%s' % (enc_text(text), flag, value)


def swift_table(name, doc, lines):
    body = '\n'.join(lines)
    assert '"""#' not in body
    return '    /// %s\n    static let %s = #"""\n%s\n"""#\n' % (doc, name, body)


def write(path, enum, tables):
    with open(path, 'w') as f:
        f.write('// Generated by scripts/gen_hash_cases.py from CPython %d.%d.%d; do not edit.\n'
                % sys.version_info[:3])
        f.write('// One case per line, fields separated by tabs (see the script for the encodings).\n\n')
        f.write('enum %s {\n' % enum)
        f.write('\n'.join(tables))
        f.write('}\n')


def main():
    if '--worker' in sys.argv:
        worker()
        return
    per_seed = {}
    for seed in SEEDS:
        env = dict(os.environ)
        env['PYTHONHASHSEED'] = seed
        run = subprocess.run([sys.executable, os.path.abspath(__file__), '--worker'], env=env,
                             capture_output=True, text=True, check=True)
        per_seed[seed] = json.loads(run.stdout)

    def lines(key, seeds=SEEDS):
        return ['%s\t%s' % (seed, line) for seed in seeds for line in per_seed[seed].get(key, [])]

    write(os.path.join(TESTS, 'HashingGeneratedCases.swift'), 'HashingGeneratedCases', [
        swift_table('strings', 'seed, code points, hash(str).', lines('strings')),
        swift_table('bytes', 'seed, hex, hash(bytes).', lines('bytes')),
        swift_table('tuples', 'seed, tuple, hash(tuple).', lines('tuples')),
        swift_table('frozensets', 'seed, frozenset, hash(frozenset).', lines('frozensets')),
        swift_table('hashInfo', 'sys.hash_info: field, value.',
                    ['%s\t%s' % (name, getattr(sys.hash_info, name)) for name in
                     ('width', 'modulus', 'inf', 'nan', 'imag', 'algorithm', 'hash_bits', 'seed_bits', 'cutoff')]),
        swift_table('seedTexts', 'PYTHONHASHSEED text, ok/error, then hash_randomization and hash("abc") '
                    '(or "random"), or the exit status and stderr (escaped).',
                    [seed_case(t) for t in SEED_TEXTS]),
    ])
    int_set_programs = len(set_programs(False))
    write(os.path.join(TESTS, 'SetStorageGeneratedCases.swift'), 'SetStorageGeneratedCases', [
        swift_table('programs', 'seed, program, outputs. Ints hash alike under every seed, so the int '
                    'programs run under seed 0 only; the str and mixed ones under seeds 0 and 42.',
                    ['0\t%s' % line for line in per_seed['0']['sets']]
                    + ['42\t%s' % line for line in per_seed['42']['sets'][int_set_programs:]]),
        swift_table('mutation', 'container and action, comparisons made, found, members after.',
                    per_seed['0']['mutation']),
    ])
    int_dict_programs = len(dict_programs(False))
    write(os.path.join(TESTS, 'DictStorageGeneratedCases.swift'), 'DictStorageGeneratedCases', [
        swift_table('programs', 'seed, program, outputs.',
                    ['%s\t%s' % (seed, line) for seed in ('0', '1')
                     for line in per_seed[seed]['dicts'][: None if seed == '0' else int_dict_programs]]),
    ])


if __name__ == '__main__':
    main()
