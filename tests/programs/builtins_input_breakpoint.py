# input() with sys.stdin/sys.stdout replaced and on the real standard input
# (a child process), breakpoint() and sys.breakpointhook with
# PYTHONBREAKPOINT, and the names site adds to builtins (absent under -S).
import builtins
import io
import os
import subprocess
import sys
import warnings

real_stdin, real_stdout = sys.stdin, sys.stdout
sys.stdin = io.StringIO("first line\nsecond\r\nno newline")
print(repr(input("prompt> ")))
print(repr(input()))
print(repr(input(42)))
try:
    input("at end> ")
except EOFError as e:
    print("EOFError", e)

captured = io.StringIO()
sys.stdout = captured
sys.stdin = io.StringIO("typed\n")
answer = input("shown prompt: ")
sys.stdout = real_stdout
print(repr(answer), repr(captured.getvalue()))


class OddReader:
    def readline(self):
        return b"bytes line\n"


sys.stdin = OddReader()
print(repr(input()))


class OddReader:
    def readline(self):
        return 7


sys.stdin = OddReader()
try:
    input()
except TypeError as e:
    print("TypeError", e)
for name in ("stdin", "stdout", "stderr"):
    saved = getattr(sys, name)
    setattr(sys, name, None)
    try:
        input()
    except RuntimeError as e:
        error = e
    setattr(sys, name, saved)
    print("RuntimeError", error)
sys.stdin = real_stdin
try:
    input("a", "b")
except TypeError as e:
    print("TypeError", e)
try:
    input(prompt="x")
except TypeError as e:
    print("TypeError", e)

child = """
import sys
first = input('p> ')
print()
print(repr(first), repr(input()))
try:
    input('more? ')
except EOFError as e:
    print('EOFError', e)
"""
done = subprocess.run([sys.executable, "-c", child], input=b"hello \xc3\xa9t\xc3\xa9\nsecond line\n", capture_output=True)
print(done.returncode, done.stdout.decode())

# Another thread runs while input() waits for the line (the GIL is released).
child = """
import threading
started = threading.Event()
ran = []
def worker():
    started.wait()
    ran.append(True)
threading.Thread(target=worker).start()
started.set()
print('waiting', flush=True)
line = input()
print(repr(line), ran)
"""
import time
process = subprocess.Popen([sys.executable, "-c", child], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
print(process.stdout.readline().decode().strip())
time.sleep(0.3)
out, _ = process.communicate(b"late line\n")
print(process.returncode, out.decode().strip())

# breakpoint() calls sys.breakpointhook; the default hook reads PYTHONBREAKPOINT.
print(sys.breakpointhook is sys.__breakpointhook__, sys.breakpointhook.__name__)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    os.environ["PYTHONBREAKPOINT"] = "nosuchmodule.hook"
    print(breakpoint())
    os.environ["PYTHONBREAKPOINT"] = "os.nosuchname"
    print(breakpoint())
    for warning in caught:
        print(warning.category.__name__, warning.message)
os.environ["PYTHONBREAKPOINT"] = "0"
print(breakpoint(), sys.breakpointhook(1, 2))
os.environ["PYTHONBREAKPOINT"] = "builtins.print"
breakpoint("via", "builtins.print", sep="-")
os.environ["PYTHONBREAKPOINT"] = "print"
breakpoint("via", "print")
os.environ["PYTHONBREAKPOINT"] = "json.dumps"
print(breakpoint([1, 2]))
del os.environ["PYTHONBREAKPOINT"]


def hook(*args, **kwargs):
    print("hook got", args, kwargs)
    return "hook result"


sys.breakpointhook = hook
print(breakpoint(1, x=2))
del sys.breakpointhook
try:
    breakpoint()
except RuntimeError as e:
    print("RuntimeError", e)
sys.breakpointhook = sys.__breakpointhook__

# The names site adds, and their absence under -S.
print(type(exit).__name__, repr(exit), str(quit), type(copyright).__name__, type(help).__name__, "site" in sys.modules)
try:
    exit(3)
except SystemExit as e:
    print("SystemExit", e.code)
probe = "import builtins; print([n for n in ('exit', 'quit', 'copyright', 'credits', 'license', 'help') if hasattr(builtins, n)])"
for flags in ([], ["-S"]):
    print(flags, subprocess.run([sys.executable] + flags + ["-c", probe], capture_output=True, text=True).stdout.strip())
print(builtins.__package__ == "", builtins.__name__)
