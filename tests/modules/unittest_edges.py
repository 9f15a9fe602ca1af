# unittest edge cases: SystemExit inside a test is an error, failfast stops the run, module
# fixtures run around it, expectedFailure covers failing subtests, assertRaises checks its
# argument, assertSequenceEqual compares items across sequence types, unknown test names fail
import io
import sys
import unittest

log = []


def setUpModule():
    log.append('setUpModule')


def tearDownModule():
    log.append('tearDownModule')


class T(unittest.TestCase):
    def test_a_exit(self):
        sys.exit(3)

    def test_b_fail(self):
        self.fail('b')

    def test_c_ok(self):
        log.append('c ran')

    @unittest.expectedFailure
    def test_d_expected_subtest(self):
        for i in range(2):
            with self.subTest(i=i):
                self.assertEqual(i, 0)

    def test_e_helpers(self):
        self.assertSequenceEqual([1, 2], (1, 2))
        with self.assertRaises(TypeError):
            self.assertRaises(int, lambda: None)
        self.assertIsNone(self.assertRaises(KeyError, {}.__getitem__, 'k'))


def run(**kwargs):
    stream = io.StringIO()
    runner = unittest.TextTestRunner(stream=stream, **kwargs)
    result = runner.run(unittest.TestLoader().loadTestsFromTestCase(T))
    return result, stream.getvalue().splitlines()[-1]


result, last = run()
print(result.testsRun, len(result.errors), len(result.failures), len(result.expectedFailures), last)
result, last = run(failfast=True)
print(result.testsRun, last)
print(log)
log.clear()
program = unittest.main(argv=['prog', 'T.test_zz', 'T.test_c_ok'], exit=False)
print(program.result.testsRun, len(program.result.errors), log)
