# unittest runs a TestCase: results of passing, failing, erroring, skipped
# and expected-failure tests, printed to stdout with unittest.main(exit=False).
import io
import sys
import unittest


class Arithmetic(unittest.TestCase):
    def setUp(self):
        self.values = [1, 2, 3]

    def test_sum(self):
        self.assertEqual(sum(self.values), 6)

    def test_failure(self):
        self.assertEqual(sum(self.values), 7)

    def test_error(self):
        {}["missing"]

    @unittest.skip("not today")
    def test_skipped(self):
        pass

    @unittest.expectedFailure
    def test_expected(self):
        self.assertTrue(False)

    def test_subtests(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 2)

    def test_raises(self):
        with self.assertRaises(ZeroDivisionError):
            1 / 0
        with self.assertRaisesRegex(ValueError, "invalid literal"):
            int("x")


class Strings(unittest.TestCase):
    def test_upper(self):
        self.assertEqual("abc".upper(), "ABC")

    def test_in(self):
        self.assertIn("b", "abc")
        self.assertIsNone(None)
        self.assertAlmostEqual(0.1 + 0.2, 0.3)


stream = io.StringIO()
runner = unittest.TextTestRunner(stream=stream, verbosity=2)
program = unittest.main(module=__name__, argv=["prog"], exit=False, testRunner=runner)
result = program.result
print("run", result.testsRun, "failures", len(result.failures), "errors", len(result.errors),
      "skipped", len(result.skipped), "expected", len(result.expectedFailures), "ok", result.wasSuccessful())
for line in stream.getvalue().splitlines():
    # Timing varies: drop the "Ran N tests in T s" line's time, and traceback file paths.
    if line.startswith("Ran "):
        line = line.split(" in ")[0]
    if line.startswith('  File "'):
        line = '  File "' + line.split('"')[1].rsplit("/", 1)[-1] + '"' + line.split('"', 2)[2]
    # Column markers (~~^^) depend on code positions, not on unittest.
    if line.strip() and set(line.strip()) <= set("~^"):
        continue
    print(line)
for test, text in result.failures + result.errors:
    print(test.id(), text.strip().splitlines()[-1])
