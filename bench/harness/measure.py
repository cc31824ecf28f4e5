"""One run of one command: wall time, peak memory and what it printed.

Peak memory is the child's max RSS from wait4. Linux carries the high-water
mark of the memory a process had before exec into ru_maxrss, and a child
spawned from this runner starts out with the runner's own (about 16 MB, more
than `python3 -c pass` needs). So the command runs under GNU time
(/usr/bin/time -f %M), a process of about 1 MB that forks the command and
reports its max RSS; without it, wait4's figure is used and the runner's RSS is
the floor. Wall time is measured here, around the whole launch; CPU time (user
plus system) is wait4's, which includes the children GNU time reaped.
Output goes to temporary files rather than pipes, so no reader thread runs
beside the measured process. The command runs in its own process group, which
a timer kills if it runs past the timeout.
"""
import os
import re
import shutil
import signal
import tempfile
import threading
import time
from dataclasses import dataclass

GNU_TIME = shutil.which("time", path="/usr/bin:/bin")


@dataclass
class Run:
    seconds: float          # wall time
    max_rss_kib: int
    exit_code: int
    stdout: str
    stderr: str
    timed_out: bool = False
    signal: int = None      # the signal that ended the command (a crash), if any
    cpu_seconds: float = 0.0

    @property
    def ok(self):
        return self.exit_code == 0 and not self.timed_out

    def error_line(self):
        """The line that says why the run failed (a traceback's last line)."""
        if self.timed_out:
            return f"timed out after {self.seconds:.0f} s"
        if self.signal:
            return f"killed by {signal.Signals(self.signal).name}" if self.signal in \
                signal.valid_signals() else f"killed by signal {self.signal}"
        lines = [line.strip() for line in self.stderr.splitlines() if line.strip()]
        if lines:
            return lines[-1]
        return f"exit code {self.exit_code}"


def run(command, env, cwd=None, timeout=300.0):
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile(prefix="bench-rss-") as rss, \
            open(os.devnull, "rb") as devnull:
        if GNU_TIME:
            command = [GNU_TIME, "-f", "%M", "-o", rss.name] + list(command)
        actions = [(os.POSIX_SPAWN_DUP2, devnull.fileno(), 0),
                   (os.POSIX_SPAWN_DUP2, out.fileno(), 1),
                   (os.POSIX_SPAWN_DUP2, err.fileno(), 2)]
        previous = os.getcwd()
        try:
            if cwd:
                os.chdir(cwd)   # posix_spawn has no cwd argument before Python 3.13
            start = time.perf_counter()
            try:
                pid = os.posix_spawnp(command[0], command, env, file_actions=actions,
                                     setpgroup=0)
            except OSError as error:
                return Run(0.0, 0, 127, "", f"cannot start {command[0]}: {error}")
        finally:
            os.chdir(previous)
        expired = threading.Event()
        timer = threading.Timer(timeout, _kill, (pid, expired))
        timer.start()
        try:
            _, status, usage = os.wait4(pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        exit_code = os.waitstatus_to_exitcode(status)
        if GNU_TIME:
            max_rss, killer = _gnu_time_report(rss)
        else:
            max_rss, killer = usage.ru_maxrss, (-exit_code if exit_code < 0 else None)
        return Run(seconds, max_rss, exit_code, _read(out), _read(err), expired.is_set(), killer,
                   usage.ru_utime + usage.ru_stime)


def _kill(pid, expired):
    expired.set()
    try:
        os.killpg(pid, 9)
    except ProcessLookupError:
        pass


def _gnu_time_report(file):
    """(max RSS in KiB, signal that ended the command or None) from GNU time's file."""
    # Before the figure GNU time may write "Command exited with non-zero status N"
    # or "Command terminated by signal N".
    text = file.read().decode(errors="replace")
    words = text.split()
    max_rss = int(words[-1]) if words and words[-1].isdigit() else 0
    killed = re.search(r"terminated by signal (\d+)", text)
    return max_rss, int(killed.group(1)) if killed else None


def _read(file):
    file.seek(0)
    return file.read().decode("utf-8", errors="replace")
