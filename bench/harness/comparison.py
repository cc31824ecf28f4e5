"""Runs one benchmark under both interpreters and decides what its row says."""
import tempfile
from dataclasses import dataclass, field

from harness import measure, same_result


@dataclass
class Comparison:
    benchmark: object
    cpython: list = field(default_factory=list)   # successful measure.Run of each interpreter
    garter: list = field(default_factory=list)
    cpython_error: str = None
    garter_error: str = None
    difference: str = None                         # None when the results are the same
    metric: str = "wall"                           # which time the ratio uses: wall or cpu

    @property
    def status(self):
        if self.cpython_error:
            return "cpython fails"
        if self.garter_error:
            return "garter fails"
        if self.difference:
            return "different result"
        return "ok"

    @property
    def counted(self):
        """Whether the row enters the geometric means."""
        return self.status == "ok"

    def best_seconds(self, runs):
        if not runs:
            return None
        return min(run.cpu_seconds if self.metric == "cpu" else run.seconds for run in runs)

    def peak_kib(self, runs):
        return max(run.max_rss_kib for run in runs) if runs else None

    def time_ratio(self):
        if not (self.cpython and self.garter):
            return None
        return self.best_seconds(self.garter) / self.best_seconds(self.cpython)

    def rss_ratio(self):
        if not (self.cpython and self.garter):
            return None
        return self.peak_kib(self.garter) / self.peak_kib(self.cpython)


def compare(benchmark, python, garter, base_env, repeat, timeout, metric="wall"):
    """Alternates CPython and Garter runs; a failed interpreter is not rerun."""
    result = Comparison(benchmark, metric=metric)
    env = dict(base_env, **benchmark.env)
    for _ in range(benchmark.repeat or repeat):
        if result.cpython_error is None:
            _measure_into(result, "cpython", [python] + benchmark.arguments, env, timeout)
        if result.garter_error is None:
            _measure_into(result, "garter", [garter] + benchmark.arguments, env, timeout)
        if result.cpython_error and result.garter_error:
            break
    if result.cpython and result.garter:
        expected = result.cpython[0].stdout
        for run in result.garter:
            result.difference = same_result.first_difference(expected, run.stdout)
            if result.difference:
                break
    if result.status == "ok" and benchmark.probe:
        _probe(result, python, garter, dict(base_env, **benchmark.probe_env), timeout)
    return result


def _measure_into(result, side, command, env, timeout):
    # Each run gets a fresh working folder, so files a program writes cannot leak.
    with tempfile.TemporaryDirectory(prefix="bench-run-") as folder:
        run = measure.run(command, env, cwd=folder, timeout=timeout)
    if run.ok:
        getattr(result, side).append(run)
    else:
        setattr(result, side + "_error", run.error_line())


def _probe(result, python, garter, env, timeout):
    outputs = {}
    for side, interpreter in (("cpython", python), ("garter", garter)):
        with tempfile.TemporaryDirectory(prefix="bench-probe-") as folder:
            run = measure.run([interpreter] + result.benchmark.probe, env, cwd=folder,
                              timeout=timeout)
        if not run.ok:
            setattr(result, side + "_error", "probe: " + run.error_line())
            return
        outputs[side] = run.stdout
    difference = same_result.first_difference(outputs["cpython"], outputs["garter"])
    if difference:
        result.difference = "probe " + difference
