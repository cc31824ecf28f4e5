#!/usr/bin/env python3
"""Differential fuzzing of Garter's front end against CPython (not part of CI).

Takes 30-line slices of CPython's Lib files, mutates them a little (inserts
brackets, quotes, keywords, operators; deletes short spans), and parses each
with both `ast.parse` and `garter --dump-ast`. Reports programs where they
disagree on accept/reject, on the dump, or on the error class, message and
line. Crashes and hangs of garter count as disagreements.

    python3 scripts/fuzz_parser.py [--garter PATH] [--seed N] [--count N] [--keep DIR]
"""
import argparse
import ast
import os
import random
import subprocess
import sys
import tempfile
import warnings

PIECES = [b'(', b')', b'[', b']', b'{', b'}', b':', b'"', b"'", b'\\', b'\n', b'\t', b' ', b'f"{', b'}"',
          b'lambda', b'*', b'**', b'=', b'match', b'if', b'else', b'#', b'@', b';', b',', b'.', b'0x', b'1e',
          b'async', b'await', b'yield', b'not', b'in', b'is', b'for', b'del', b'return', b'import', b'from',
          b'as', b'with', b'try:', b'except', b'class', b'def']


def mutate(rng, files):
    lines = open(rng.choice(files), 'rb').read().split(b'\n')
    start = rng.randint(0, max(0, len(lines) - 30)) if rng.random() < 0.5 else 0
    data = bytearray(b'\n'.join(lines[start:start + 30]))
    for _ in range(rng.randint(1, 2)):
        position = rng.randint(0, max(0, len(data) - 1))
        if rng.random() < 0.6:
            data[position:position] = rng.choice(PIECES)
        else:
            del data[position:position + rng.randint(1, 5)]
    return bytes(data)


def cpython(path, data):
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        try:
            return ('ok', ast.dump(ast.parse(data, path), include_attributes=True))
        except SyntaxError as error:
            return ('error', type(error).__name__, error.msg, error.lineno or None)
        except ValueError as error:  # null bytes
            return ('error', 'ValueError', str(error), None)


def garter(binary, path):
    try:
        result = subprocess.run([binary, '--dump-ast', path], capture_output=True, timeout=10)
    except subprocess.TimeoutExpired:
        return ('hang',)
    if result.returncode == 0:
        return ('ok', result.stdout.decode().rstrip('\n'))
    if result.returncode != 1:
        return ('crash', result.returncode, result.stderr[-300:])
    lines = result.stderr.decode(errors='replace').rstrip('\n').split('\n')
    kind, _, message = lines[-1].partition(': ')
    line = None
    for text in lines:
        if text.startswith('  File'):
            line = int(text.rsplit('line ', 1)[1])
    return ('error', kind, message, line)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--garter', default='.build/release/garter')
    parser.add_argument('--lib', default='/usr/lib/python3.11')
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--count', type=int, default=300)
    parser.add_argument('--keep', help='folder to keep disagreeing programs in')
    options = parser.parse_args()
    files = sorted(os.path.join(folder, name) for folder, _, names in os.walk(options.lib)
                   for name in names if name.endswith('.py'))
    rng = random.Random(options.seed)
    work = tempfile.mkdtemp(prefix='garter-fuzz-')
    agreements = disagreements = 0
    for number in range(options.count):
        data = mutate(rng, files)
        path = os.path.join(work, f'case{number}.py')
        with open(path, 'wb') as out:
            out.write(data)
        expected, actual = cpython(path, data), garter(options.garter, path)
        if expected[:4] == actual[:4]:
            agreements += 1
            os.remove(path)
            continue
        disagreements += 1
        if options.keep:
            os.makedirs(options.keep, exist_ok=True)
            os.replace(path, os.path.join(options.keep, f'case{options.seed}_{number}.py'))
        summary = lambda r: r[0] if r[0] == 'ok' else r
        print(f'DIFFER case {number}: python3 {summary(expected)!r:.200} / garter {summary(actual)!r:.200}')
    print(f'{agreements} agree, {disagreements} disagree')
    return 1 if disagreements else 0


if __name__ == '__main__':
    sys.exit(main())
