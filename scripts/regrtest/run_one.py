"""Runs one CPython regression-test module with unittest and prints its
counts as one JSON line. Executed by both Garter and python3 (see
scripts/regrtest_table.py), so it uses only what unittest itself needs."""
import json
import sys
import unittest


def main():
    name = sys.argv[1]
    counts = {"run": 0, "failures": 0, "errors": 0, "skipped": 0,
              "expected_failures": 0, "unexpected_successes": 0, "load_error": None}
    try:
        suite = unittest.defaultTestLoader.loadTestsFromName("test." + name)
    except BaseException as error:   # the module does not even import
        counts["load_error"] = f"{type(error).__name__}: {error}"[:300]
        print("REGRTEST-COUNTS " + json.dumps(counts))
        return
    stream = open("/dev/null", "w") if len(sys.argv) < 3 else sys.stderr
    result = unittest.TextTestRunner(stream=stream, verbosity=2 if len(sys.argv) > 2 else 0).run(suite)
    counts.update(run=result.testsRun, failures=len(result.failures), errors=len(result.errors),
                  skipped=len(result.skipped), expected_failures=len(result.expectedFailures),
                  unexpected_successes=len(result.unexpectedSuccesses))
    # A loader failure inside the suite shows up as an error of a
    # `unittest.loader._FailedTest`: count it, but say so.
    failed_loads = [str(test) for test, _ in result.errors if type(test).__name__ == "_FailedTest"]
    if failed_loads:
        counts["load_error"] = "could not load: " + ", ".join(failed_loads)[:300]
    sys.stdout.flush()
    print("REGRTEST-COUNTS " + json.dumps(counts), flush=True)


main()
