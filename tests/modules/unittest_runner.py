# unittest: assertions, fixtures and cleanups, skips, expected failures, subTest, the loader's
# order, TextTestRunner's summary, and main()'s exit status and last line of its report.
import io
import unittest

log = []


class Basics(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        log.append('setUpClass')

    @classmethod
    def tearDownClass(cls):
        log.append('tearDownClass')

    def setUp(self):
        log.append('setUp ' + self._testMethodName)
        self.addCleanup(log.append, 'cleanup ' + self._testMethodName)

    def tearDown(self):
        log.append('tearDown')

    def test_assertions(self):
        self.assertEqual([1, 2], [1, 2])
        self.assertNotEqual(1, 2)
        self.assertTrue(1)
        self.assertFalse('')
        self.assertIs(None, None)
        self.assertIsNot(1, None)
        self.assertIsNone(None)
        self.assertIsNotNone(0)
        self.assertIn(2, [1, 2])
        self.assertNotIn(3, [1, 2])
        self.assertIsInstance(1, int)
        self.assertNotIsInstance(1, str)
        self.assertGreater(2, 1)
        self.assertGreaterEqual(2, 2)
        self.assertLess(1, 2)
        self.assertLessEqual(2, 2)
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertAlmostEqual(1.0, 1.05, delta=0.1)
        self.assertNotAlmostEqual(1.0, 1.1)
        self.assertListEqual([1], [1])
        self.assertTupleEqual((1,), (1,))
        self.assertDictEqual({'a': 1}, {'a': 1})
        self.assertSetEqual({1, 2}, {2, 1})
        self.assertCountEqual([1, 2, 2], [2, 1, 2])
        self.assertSequenceEqual('ab', 'ab')

    def test_raises(self):
        with self.assertRaises(ZeroDivisionError) as cm:
            1 / 0
        print('caught', type(cm.exception).__name__)
        self.assertRaises(KeyError, {}.__getitem__, 'k')
        with self.assertRaisesRegex(ValueError, 'bad value'):
            raise ValueError('a bad value here')

    def test_messages(self):
        checks = [lambda: self.assertEqual(1, 2), lambda: self.assertEqual(1, 2, 'custom'),
                  lambda: self.assertTrue(0), lambda: self.assertIn(3, [1, 2]),
                  lambda: self.assertIsNone(5), lambda: self.assertAlmostEqual(1.0, 1.1),
                  lambda: self.assertGreater(1, 2), lambda: self.assertIsInstance(1, str),
                  lambda: self.assertRaises(KeyError, lambda: None),
                  lambda: self.assertListEqual((1,), [1]), lambda: self.fail('failed on purpose')]
        for check in checks:
            try:
                check()
            except AssertionError as e:
                print('AssertionError:', e)

    def test_subtests(self):
        for i in range(3):
            with self.subTest(i=i):
                log.append('sub %d' % i)


class Outcomes(unittest.TestCase):
    def test_a_fails(self):
        self.assertEqual(1, 2)

    def test_b_errors(self):
        raise RuntimeError('boom')

    @unittest.skip('not today')
    def test_c_skipped(self):
        print('never runs')

    def test_d_skip_inside(self):
        self.skipTest('skipped from inside')

    @unittest.expectedFailure
    def test_e_expected_failure(self):
        self.assertEqual(1, 0)

    @unittest.expectedFailure
    def test_f_unexpected_success(self):
        pass

    @unittest.skipIf(True, 'condition true')
    def test_g_skip_if(self):
        pass

    @unittest.skipUnless(True, 'condition true')
    def test_h_skip_unless_runs(self):
        log.append('skipUnless ran')

    def test_i_subtest_fails(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 2)

    def helper_not_a_test(self):
        print('never runs either')


@unittest.skip('whole class')
class SkippedClass(unittest.TestCase):
    def test_x(self):
        print('never runs')


loader = unittest.TestLoader()
print(loader.getTestCaseNames(Outcomes))
stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream).run(loader.loadTestsFromTestCase(Basics))
print(log)
print(result.testsRun, len(result.failures), len(result.errors), result.wasSuccessful())
print(stream.getvalue().splitlines()[0], stream.getvalue().splitlines()[-1])

stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream).run(loader.loadTestsFromTestCase(Outcomes))
lines = stream.getvalue().splitlines()
print(lines[0], lines[-1])
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped),
      len(result.expectedFailures), len(result.unexpectedSuccesses), result.wasSuccessful())
print(sorted(test._testMethodName for test, _ in result.failures + result.errors))
print([line for line in lines if line.startswith(('FAIL:', 'ERROR:'))])
log.clear()
unittest.main()
