"""Command-line and interactive-prompt tests shared by tests/run.py (which runs
garter) and scripts/regen_expected.py (which records what python3 does).

  cases.json      command lines: {"NAME": {"args": [...], "stdin": TEXT, "env": {...},
                  "stdout_to": PATH, "stderr_to_stdout": BOOL, "expect": {...}}}, run in tests/cli/fixtures.
                  Without "expect", the expectation is what python3 does with the
                  same arguments, recorded in expected.json; with it, the case checks
                  Garter's own documented behaviour (such as `-V`).
  sessions.json   interactive sessions: {"NAME": {"args": [...], "keys": [...], "prompts":
                  [...]}}, each key string typed into a pseudo-terminal once a prompt
                  (">>> ", "... " or one of "prompts") is back; the
                  screen that results (rendered by a small terminal model, so the
                  cursor-movement sequences of readline and of Garter's editor may
                  differ) and the exit status must equal python3's (expected.json).

Both interpreters run with the PYTHON* variables removed and HOME set to an empty
temporary folder (no ~/.python_history). The program's path is printed as <PROG>
and the fixtures folder as <DIR>.
"""
import json
import os
import pty
import re
import select
import signal
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "fixtures")
CASES = os.path.join(HERE, "cases.json")
SESSIONS = os.path.join(HERE, "sessions.json")
EXPECTED = os.path.join(HERE, "expected.json")


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def clean_env(home, extra=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["HOME"] = home
    env["TERM"] = "xterm"
    env.update(extra or {})
    return env


def normalize(data, program):
    text = data.decode("utf-8", "backslashreplace")
    text = text.replace(program, "<PROG>")
    return text.replace(os.path.realpath(FIXTURES), "<DIR>")


def run_case(program, case, timeout=20):
    """{"exit", "stdout", "stderr"} of one command line."""
    with tempfile.TemporaryDirectory(prefix="garter-cli-") as home:
        stdout = subprocess.PIPE
        sink = None
        if case.get("stdout_to"):
            sink = open(case["stdout_to"], "wb")
            stdout = sink
        try:
            proc = subprocess.run([program] + case["args"], cwd=FIXTURES,
                                  env=clean_env(home, case.get("env")),
                                  input=case.get("stdin", "").encode(), stdout=stdout,
                                  stderr=subprocess.STDOUT if case.get("stderr_to_stdout") else subprocess.PIPE,
                                  timeout=timeout)
        except subprocess.TimeoutExpired:
            return {"exit": "timeout", "stdout": "", "stderr": ""}
        finally:
            if sink:
                sink.close()
    return {"exit": proc.returncode, "stdout": normalize(proc.stdout or b"", program),
            "stderr": normalize(proc.stderr or b"", program)}


class Screen:
    """Just enough of a terminal to compare what two line editors show:
    printable text, CR, LF, BS, and the CSI sequences K, C, D, P, @ (others,
    such as bracketed-paste switches, are ignored)."""

    def __init__(self):
        self.lines = [[]]
        self.row = 0
        self.col = 0

    def feed(self, text):
        i = 0
        while i < len(text):
            ch = text[i]
            if ch == "\x1b":
                m = re.match(r"\x1b\[([0-9;?]*)([@-~])", text[i:])
                if m:
                    self.csi(m.group(1), m.group(2))
                    i += len(m.group(0))
                    continue
                m = re.match(r"\x1b[()=>].?", text[i:])
                i += len(m.group(0)) if m else 1
                continue
            if ch == "\r":
                self.col = 0
            elif ch == "\n":
                self.row += 1
                while len(self.lines) <= self.row:
                    self.lines.append([])
            elif ch == "\b":
                self.col = max(0, self.col - 1)
            elif ch == "\x07":
                pass
            elif ch >= " ":
                line = self.lines[self.row]
                while len(line) < self.col:
                    line.append(" ")
                if self.col < len(line):
                    line[self.col] = ch
                else:
                    line.append(ch)
                self.col += 1
            i += 1

    def csi(self, params, final):
        if params.startswith("?"):
            return
        n = int(params) if params.isdigit() else 1
        line = self.lines[self.row]
        if final == "K":
            mode = int(params) if params.isdigit() else 0
            if mode == 0:
                del line[self.col:]
            elif mode == 2:
                line.clear()
        elif final == "C":
            self.col += n
        elif final == "D":
            self.col = max(0, self.col - n)
        elif final == "P":
            del line[self.col:self.col + n]
        elif final == "@":
            line[self.col:self.col] = [" "] * n

    def text(self):
        return "\n".join("".join(line).rstrip() for line in self.lines).rstrip("\n") + "\n"


def read_available(fd, wait):
    data = b""
    while True:
        ready, _, _ = select.select([fd], [], [], wait)
        if not ready:
            return data, False
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            return data, True
        if not chunk:
            return data, True
        data += chunk
        wait = 0.05


def run_session(program, session, timeout=20):
    """{"exit", "screen"} of one interactive session in a pseudo-terminal."""
    with tempfile.TemporaryDirectory(prefix="garter-repl-") as home:
        pid, fd = pty.fork()
        if pid == 0:
            os.chdir(FIXTURES)
            os.execve(program, [program] + session["args"], clean_env(home))
        output = b""
        closed = False
        prompts = tuple(p.encode() for p in [">>> ", "... "] + session.get("prompts", []))
        deadline = time.monotonic() + timeout

        def wait_for_prompt():
            nonlocal output, closed
            while not closed and time.monotonic() < deadline:
                data, closed = read_available(fd, 0.5)
                output += data
                tail = re.sub(rb"\x1b\[[0-9;?]*[@-~]", b"", output)
                if tail.endswith(prompts):
                    # Let anything still coming arrive.
                    data, closed = read_available(fd, 0.2)
                    output += data
                    if not data:
                        return

        wait_for_prompt()
        for keys in session["keys"]:
            if closed:
                break
            os.write(fd, keys.encode())
            if keys.endswith(("\r", "\x04", "\x03")):
                wait_for_prompt()
            else:
                data, closed = read_available(fd, 0.3)
                output += data
        while not closed and time.monotonic() < deadline:
            data, closed = read_available(fd, 0.5)
            output += data
            if not data:
                break
        try:
            os.close(fd)
        except OSError:
            pass
        status = None
        for _ in range(50):
            done, raw = os.waitpid(pid, os.WNOHANG)
            if done:
                status = os.waitstatus_to_exitcode(raw)
                break
            time.sleep(0.1)
        if status is None:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            status = "timeout"
    screen = Screen()
    screen.feed(normalize(output, program))
    if time.monotonic() >= deadline:
        # A prompt never came back: the session did not run as written.
        status = "stalled"
    return {"exit": status, "screen": screen.text()}


def record(program):
    """What `program` (python3) does for every case and session."""
    expected = {"cases": {}, "sessions": {}}
    for name, case in load(CASES).items():
        if "expect" not in case:
            expected["cases"][name] = run_case(program, case)
    for name, session in load(SESSIONS).items():
        expected["sessions"][name] = run_session(program, session)
        if expected["sessions"][name]["exit"] in ("stalled", "timeout"):
            # A loaded machine can starve the session: one slower retry.
            expected["sessions"][name] = run_session(program, session, timeout=90)
        if expected["sessions"][name]["exit"] in ("stalled", "timeout"):
            raise RuntimeError(f"tests/cli/sessions.json: {name} stalled under {program}")
    return expected


def differences(expected, actual):
    lines = []
    for key in sorted(set(expected) | set(actual)):
        if expected.get(key) != actual.get(key):
            lines.append(f"{key}: expected {expected.get(key)!r}\n{' ' * len(key)}  got      {actual.get(key)!r}")
    return "\n".join(lines) or None
