"""bench/run.py end to end, with stand-ins for Garter built from CPython.

Each stand-in is a shell script that runs the real python3, so the expected
table is known: the same interpreter gives the same results; a stand-in whose
random.seed is shifted must be caught by the result comparison (go's returned
move, chaos's probe); a stand-in that fails, hangs or does not exist must be
shown as failing (why: its last error line, a timeout or the signal that
killed it) and left out of the means.
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUN = os.path.join(BENCH, "run.py")

SHIFTED_SEED = '''import random
_original_seed = random.seed
def _shifted_seed(a=None, version=2):
    _original_seed(a + 1 if isinstance(a, int) else a, version)
random.seed = _shifted_seed
'''


class RunTest(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory(prefix="bench-test-")
        self.addCleanup(self.folder.cleanup)

    def stand_in(self, name, body):
        path = os.path.join(self.folder.name, name)
        with open(path, "w") as f:
            f.write("#!/bin/sh\n" + body + "\n")
        os.chmod(path, 0o755)
        return path

    def run_bench(self, garter, *arguments):
        results = os.path.join(self.folder.name, "results.json")
        done = subprocess.run([sys.executable, RUN, "--garter", garter, "--repeat", "1",
                               "--startup-repeat", "1", "--scale", "0.05", "--json", results,
                               *arguments], capture_output=True, text=True, timeout=600)
        self.assertEqual(done.returncode, 0, done.stderr)
        with open(results) as f:
            document = json.load(f)
        return done.stdout, {row["name"]: row for row in document["rows"]}, document

    def test_same_interpreter_same_results(self):
        garter = self.stand_in("same", f'exec "{sys.executable}" "$@"')
        out, rows, document = self.run_bench(garter, "-k", "startup/-c pass", "-k", "calls_fib",
                                             "-k", "nbody", "-k", "chaos", "-k", "go")
        self.assertEqual(set(rows), {"-c pass", "calls_fib", "nbody", "chaos", "go"})
        for name, row in rows.items():
            self.assertEqual(row["status"], "ok", (name, row))
            self.assertGreater(row["garter"]["max_rss_kib"], 1000)
            self.assertLess(row["rss_ratio"], 1.5)
        self.assertEqual(document["geometric_means"]["all programs"]["counted"], 4)
        self.assertEqual(len(rows["nbody"]["garter"]["stub_values"]), 1)
        self.assertIn("✓", out)
        for row in rows.values():
            for side in ("cpython", "garter"):
                cpu, wall = row[side]["cpu_seconds"][0], row[side]["seconds"][0]
                self.assertGreater(cpu, 0.005)
                self.assertLess(cpu, wall * 1.5 + 0.05)

    def test_cpu_metric(self):
        garter = self.stand_in("same", f'exec "{sys.executable}" "$@"')
        out, rows, document = self.run_bench(garter, "--metric", "cpu", "-k", "calls_fib")
        row = rows["calls_fib"]
        self.assertEqual(document["settings"]["metric"], "cpu")
        self.assertEqual(row["garter"]["best_seconds"], min(row["garter"]["cpu_seconds"]))
        self.assertIn("best cpu time", out)

    def test_different_random_numbers_are_caught(self):
        site = os.path.join(self.folder.name, "site")
        os.mkdir(site)
        with open(os.path.join(site, "sitecustomize.py"), "w") as f:
            f.write(SHIFTED_SEED)
        garter = self.stand_in("shifted", f'PYTHONPATH="{site}:$PYTHONPATH" '
                                          f'exec "{sys.executable}" "$@"')
        out, rows, document = self.run_bench(garter, "-k", "/go", "-k", "/chaos", "-k", "nbody")
        self.assertEqual(rows["go"]["status"], "different result")
        self.assertIn("#pyperf-stub-result", rows["go"]["difference"])
        self.assertEqual(rows["chaos"]["status"], "different result")
        self.assertTrue(rows["chaos"]["difference"].startswith("probe "))
        self.assertEqual(rows["nbody"]["status"], "ok")
        means = document["geometric_means"]["pyperformance"]
        self.assertEqual((means["counted"], means["total"], means["different"]), (1, 3, 2))
        self.assertIn("(1 of 3, 2 different)", out)

    def test_failing_hanging_and_missing_garter(self):
        garter = self.stand_in("fails", 'case "$*" in *calls_fib*) '
                                        'echo "Traceback:" >&2; echo "NameError: boom" >&2; exit 1;; '
                                        '*countdown*) exec sleep 60;; '
                                        '*bigint*) kill -SEGV $$;; esac\n'
                                        f'exec "{sys.executable}" "$@"')
        out, rows, document = self.run_bench(garter, "--timeout", "10", "-k", "calls_fib",
                                             "-k", "countdown", "-k", "bigint",
                                             "-k", "calls_keywords")
        self.assertEqual(rows["calls_fib"]["status"], "garter fails")
        self.assertEqual(rows["calls_fib"]["garter"]["error"], "NameError: boom")
        self.assertIn("Garter fails: NameError: boom", out)
        self.assertEqual(rows["loop_countdown"]["status"], "garter fails")
        self.assertIn("timed out", rows["loop_countdown"]["garter"]["error"])
        self.assertEqual(rows["bigint_growth"]["status"], "garter fails")
        self.assertEqual(rows["bigint_growth"]["garter"]["error"], "killed by SIGSEGV")
        self.assertEqual(rows["calls_keywords"]["status"], "ok")
        self.assertEqual(document["geometric_means"]["micro"]["counted"], 1)
        self.assertIn("(1 of 4, 3 failing)", out)

        missing = os.path.join(self.folder.name, "no-such-garter")
        out, rows, _ = self.run_bench(missing, "-k", "calls_fib")
        self.assertEqual(rows["calls_fib"]["status"], "garter fails")
        self.assertIn("no-such-garter", rows["calls_fib"]["garter"]["error"])


if __name__ == "__main__":
    unittest.main()
