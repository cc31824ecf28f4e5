"""The pyperf stand-in: its argument parser, loop settings and report lines."""
import io
import os
import sys
import unittest
from contextlib import redirect_stdout
from unittest import mock

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(BENCH, "pyperf_stub"))
sys.path.insert(0, BENCH)

import pyperf  # noqa: E402  (the stand-in, from bench/pyperf_stub)
from pyperf._arguments import ArgumentParser  # noqa: E402
from harness import same_result  # noqa: E402


def run_captured(function, *args, **kwargs):
    out = io.StringIO()
    with redirect_stdout(out):
        function(*args, **kwargs)
    return out.getvalue()


class ArgumentsTest(unittest.TestCase):
    def parser(self):
        parser = ArgumentParser()
        parser.add_argument("--width", type=int, default=100)
        parser.add_argument("--rng-seed", type=int, default=1)
        parser.add_argument("--filename", metavar="F")
        parser.add_argument("--level", type=int, choices=[1, 2], default=2)
        parser.add_argument("benchmark", nargs="?", choices=["list", "tuple"])
        return parser

    def test_defaults(self):
        args = self.parser().parse_args([])
        self.assertEqual((args.width, args.rng_seed, args.filename, args.level, args.benchmark),
                         (100, 1, None, 2, None))

    def test_forms(self):
        args = self.parser().parse_args(["--width=7", "--rng-seed", "3", "--filename", "x.ppm",
                                         "tuple", "--level", "1"])
        self.assertEqual((args.width, args.rng_seed, args.filename, args.level, args.benchmark),
                         (7, 3, "x.ppm", 1, "tuple"))

    def test_errors_exit_2(self):
        for words in (["--nope"], ["--level=3"], ["dict"], ["--width"], ["a", "b"]):
            with self.subTest(words=words), redirect_stdout(io.StringIO()), \
                    mock.patch("sys.stderr", io.StringIO()):
                with self.assertRaises(SystemExit) as raised:
                    self.parser().parse_args(words)
                self.assertEqual(raised.exception.code, 2)


class RunnerTest(unittest.TestCase):
    def setUp(self):
        patcher = mock.patch.dict(os.environ, {"PYPERF_STUB_LOOPS": "3", "PYPERF_STUB_VALUES": "2",
                                               "PYPERF_STUB_WARMUPS": "1"})
        patcher.start()
        self.addCleanup(patcher.stop)

    def test_bench_func_runs_fixed_loops_and_reports_result(self):
        calls = []
        runner = pyperf.Runner()
        runner.parse_args([])
        text = run_captured(runner.bench_func, "f", lambda x: calls.append(x) or x * 2, 21)
        self.assertEqual(len(calls), 3 * (2 + 1))          # loops * (values + warm-ups)
        self.assertIn("#pyperf-stub-result 42\n", text)
        self.assertEqual(len(same_result.stub_values(text)), 2)
        self.assertEqual(same_result.normalised(text), "#pyperf-stub-result 42")

    def test_bench_time_func_divides_by_loops_and_inner_loops(self):
        runner = pyperf.Runner()
        runner.parse_args([])
        text = run_captured(runner.bench_time_func, "t", lambda loops: loops * 10.0, inner_loops=5)
        self.assertEqual(same_result.stub_values(text), [2.0, 2.0])   # 30 s / (3 loops * 5)
        self.assertNotIn("#pyperf-stub-result", text)

    def test_command_line_overrides_environment(self):
        runner = pyperf.Runner()
        runner.parse_args(["--loops", "1", "-n", "4"])
        text = run_captured(runner.bench_time_func, "t", lambda loops: float(loops))
        self.assertIn("loops=1 ", text)
        self.assertEqual(same_result.stub_values(text), [1.0] * 4)

    def test_timeit(self):
        runner = pyperf.Runner()
        runner.parse_args([])
        namespace = {"hits": []}
        text = run_captured(runner.timeit, "append", stmt="hits.append(x)", setup="x = 5",
                            globals=namespace)
        self.assertEqual(len(same_result.stub_values(text)), 2)
        # The namespace is copied, so count through the list object it holds.
        self.assertEqual(namespace["hits"], [5] * 9)


class SameResultTest(unittest.TestCase):
    def test_addresses_masked_and_timings_dropped(self):
        a = "#pyperf-stub name=x loops=1 inner_loops=1 values=0.5\n<A object at 0x7f00>\n"
        b = "#pyperf-stub name=x loops=1 inner_loops=1 values=0.9\n<A object at 0x55aa>\n"
        self.assertIsNone(same_result.first_difference(a, b))

    def test_difference_named(self):
        self.assertEqual(same_result.first_difference("1\n2\n", "1\n3\n"),
                         "line 2: CPython '2', Garter '3'")
        self.assertEqual(same_result.first_difference("1\n", "1\n2\n"),
                         "CPython printed 1 lines, Garter 2")


if __name__ == "__main__":
    unittest.main()
