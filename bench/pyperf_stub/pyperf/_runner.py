"""Runner: the part of pyperf.Runner that run_benchmark.py files call.

Each bench_* call runs `warmups` unmeasured values and then `values` measured
ones of `loops` loops each, in this process, and reports them (see _report.py).
Constructor arguments of the real Runner (values, loops, processes, min_time,
...) are accepted and ignored: the loop counts come from _settings.py so that
the work is fixed and the same under every interpreter.
"""
from time import perf_counter

from pyperf import _report, _settings
from pyperf._arguments import ArgumentParser


class Runner:
    def __init__(self, values=None, processes=None, loops=0, min_time=0.1, metadata=None,
                 show_name=True, program_args=None, add_cmdline_args=None, _argparser=None,
                 warmups=None, **unused):
        self.metadata = dict(metadata or {})
        self.args = None
        # Kept for the benchmarks that pass it; workers are never spawned here.
        self._add_cmdline_args = add_cmdline_args
        self.argparser = _argparser if _argparser is not None else ArgumentParser()
        for key, names in _settings.COMMAND_LINE_NAMES.items():
            self.argparser.add_argument(*names, dest="stub_" + key, type=int, default=None,
                                        help="pyperf stub: %s (default from %s)"
                                             % (key, _settings.ENVIRONMENT_NAMES[key]))

    def parse_args(self, args=None):
        if self.args is None:
            self.args = self.argparser.parse_args(args)
        return self.args

    def _settings(self):
        settings = _settings.from_environment()
        parsed = self.parse_args()
        for key in settings:
            override = getattr(parsed, "stub_" + key, None)
            if override is not None:
                settings[key] = override
        return settings

    def _run(self, name, measure, inner_loops):
        """`measure(loops)` returns the seconds those loops took."""
        settings = self._settings()
        loops = settings["loops"]
        inner = inner_loops or 1
        for _ in range(settings["warmups"]):
            measure(loops)
        values = []
        for _ in range(settings["values"]):
            values.append(measure(loops) / (loops * inner))
        _report.write_timing(name, loops, inner, values)

    def bench_time_func(self, name, time_func, *args, inner_loops=None, metadata=None):
        self._run(name, lambda loops: time_func(loops, *args), inner_loops)

    def bench_func(self, name, func, *args, inner_loops=None, metadata=None):
        last = []

        def measure(loops):
            result = None
            start = perf_counter()
            for _ in range(loops):
                result = func(*args)
            elapsed = perf_counter() - start
            last[:] = [result]
            return elapsed

        self._run(name, measure, inner_loops)
        _report.write_result(last[0] if last else None)

    def bench_async_func(self, name, coro_func, *args, inner_loops=None, metadata=None,
                         loop_factory=None):
        import asyncio
        last = []

        async def timed(loops):
            result = None
            start = perf_counter()
            for _ in range(loops):
                result = await coro_func(*args)
            elapsed = perf_counter() - start
            last[:] = [result]
            return elapsed

        def measure(loops):
            if loop_factory is None:
                return asyncio.run(timed(loops))
            loop = loop_factory()
            try:
                return loop.run_until_complete(timed(loops))
            finally:
                loop.close()

        self._run(name, measure, inner_loops)
        _report.write_result(last[0] if last else None)

    def timeit(self, name, stmt=None, setup="pass", teardown="pass", inner_loops=None,
               duplicate=None, metadata=None, globals=None):
        source = _timeit_source(stmt, setup, teardown, duplicate or 1)
        namespace = dict(globals or {})
        namespace["_stub_timer"] = perf_counter
        exec(compile(source, "<pyperf stub timeit>", "exec"), namespace)
        inner = (inner_loops or 1) * (duplicate or 1)
        self._run(name, namespace["_stub_inner"], inner)

    def bench_command(self, name, command):
        import subprocess

        def measure(loops):
            start = perf_counter()
            for _ in range(loops):
                subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
            return perf_counter() - start

        self._run(name, measure, None)


def _statements(code):
    if isinstance(code, (list, tuple)):
        code = "\n".join(code)
    return code.splitlines() or ["pass"]


def _timeit_source(stmt, setup, teardown, duplicate):
    indent = lambda lines, depth: ["    " * depth + line for line in lines]
    lines = ["def _stub_inner(loops):"]
    lines += indent(_statements(setup), 1)
    lines += ["    _start = _stub_timer()", "    for _ in range(loops):"]
    for _ in range(duplicate):
        lines += indent(_statements(stmt if stmt is not None else "pass"), 2)
    lines += ["    _elapsed = _stub_timer() - _start"]
    lines += indent(_statements(teardown), 1)
    lines += ["    return _elapsed"]
    return "\n".join(lines) + "\n"
