# The parts of `unittest` written in Python (run into the module's namespace when it is made).
import re
import sys
import time


class SkipTest(Exception):
    pass


class _ShouldStop(Exception):
    pass


def skip(reason):
    def decorator(obj):
        if isinstance(obj, type):
            obj.__unittest_skip__ = True
            obj.__unittest_skip_why__ = reason
            return obj

        def skipped(*args, **kwargs):
            raise SkipTest(reason)
        skipped.__name__ = getattr(obj, '__name__', 'skipped')
        skipped.__doc__ = getattr(obj, '__doc__', None)
        return skipped
    if callable(reason) and not isinstance(reason, str):
        obj, reason = reason, ''
        return decorator(obj)
    return decorator


def _keep(obj):
    return obj


def skipIf(condition, reason):
    return skip(reason) if condition else _keep


def skipUnless(condition, reason):
    return skip(reason) if not condition else _keep


def expectedFailure(f):
    f.__unittest_expecting_failure__ = True
    return f


def _repr(obj, limit=80):
    try:
        r = repr(obj)
    except Exception:
        r = object.__repr__(obj)
    if len(r) > limit:
        r = r[:limit] + ' [truncated]...'
    return r


def _exception_types(expected):
    types = expected if isinstance(expected, tuple) else (expected,)
    return all(isinstance(t, type) and issubclass(t, BaseException) for t in types)


class _RaisesContext:
    def __init__(self, expected, test, regex=None, msg=None):
        if not _exception_types(expected):
            raise TypeError('assertRaises() arg 1 must be an exception type or tuple of '
                            'exception types')
        self.expected = expected
        self.test = test
        self.regex = regex
        self.msg = msg
        self.exception = None

    def _call(self, args, kwargs):
        self.callable = args[0]
        with self:
            args[0](*args[1:], **kwargs)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            name = getattr(self.expected, '__name__', str(self.expected))
            if hasattr(self, 'callable'):
                name += ' not raised by ' + getattr(self.callable, '__name__', str(self.callable))
            else:
                name += ' not raised'
            self.test.fail(self.test._formatMessage(self.msg, name))
        if not issubclass(exc_type, self.expected):
            return False
        self.exception = exc
        if self.regex is not None:
            text = str(exc)
            pattern = getattr(self.regex, 'pattern', self.regex)
            found = re.search(pattern, text) is not None
            if not found:
                self.test.fail(self.test._formatMessage(
                    self.msg, '"%s" does not match "%s"' % (pattern, text)))
        return True


class _WarnsContext:
    def __init__(self, test):
        self.test = test

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        return False


class _SubTest:
    def __init__(self, test, msg, params):
        self.test = test
        self.msg = msg
        self.params = params

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            return False
        if issubclass(exc_type, KeyboardInterrupt):
            return False
        parts = []
        if self.msg is not None:
            parts.append('[%s]' % (self.msg,))
        if self.params:
            parts.append('(%s)' % ', '.join('%s=%r' % kv for kv in self.params.items()))
        self.test._subtest_outcomes.append((' '.join(parts), exc))
        return True


class TestCase:
    failureException = AssertionError
    longMessage = True
    maxDiff = 640

    def __init__(self, methodName='runTest'):
        self._testMethodName = methodName
        self._cleanups = []
        self._subtest_outcomes = []
        if methodName != 'runTest' and not hasattr(self, methodName):
            raise ValueError('no such test method in %s: %s' % (type(self), methodName))

    def id(self):
        cls = type(self)
        return '%s.%s.%s' % (cls.__module__, cls.__qualname__, self._testMethodName)

    def __str__(self):
        return '%s (%s)' % (self._testMethodName, self.id())

    def __repr__(self):
        cls = type(self)
        return '<%s.%s testMethod=%s>' % (cls.__module__, cls.__qualname__, self._testMethodName)

    def shortDescription(self):
        doc = getattr(getattr(self, self._testMethodName, None), '__doc__', None)
        return doc.strip().split('\n')[0].strip() if doc else None

    def countTestCases(self):
        return 1

    def setUp(self):
        pass

    def tearDown(self):
        pass

    @classmethod
    def setUpClass(cls):
        pass

    @classmethod
    def tearDownClass(cls):
        pass

    def addCleanup(self, function, *args, **kwargs):
        self._cleanups.append((function, args, kwargs))

    def doCleanups(self):
        errors = []
        while self._cleanups:
            function, args, kwargs = self._cleanups.pop()
            try:
                function(*args, **kwargs)
            except Exception as e:
                errors.append(e)
        return errors

    def skipTest(self, reason):
        raise SkipTest(reason)

    def subTest(self, msg=None, **params):
        return _SubTest(self, msg, params)

    def run(self, result=None):
        if result is None:
            result = TestResult()
        _run_one(self, result)
        return result

    def __call__(self, result=None):
        return self.run(result)

    def debug(self):
        self.setUp()
        getattr(self, self._testMethodName)()
        self.tearDown()
        self.doCleanups()

    # Assertions.
    def fail(self, msg=None):
        raise self.failureException(msg)

    def _formatMessage(self, msg, standard):
        if msg is None:
            return standard
        if not self.longMessage:
            return msg
        return '%s : %s' % (standard, msg)

    def _check(self, ok, msg, standard):
        if not ok:
            self.fail(self._formatMessage(msg, standard))

    def assertEqual(self, first, second, msg=None):
        self._check(first == second, msg, '%s != %s' % (_repr(first), _repr(second)))

    def assertNotEqual(self, first, second, msg=None):
        self._check(first != second, msg, '%s == %s' % (_repr(first), _repr(second)))

    def assertTrue(self, expr, msg=None):
        self._check(expr, msg, '%s is not true' % _repr(expr))

    def assertFalse(self, expr, msg=None):
        self._check(not expr, msg, '%s is not false' % _repr(expr))

    def assertIs(self, first, second, msg=None):
        self._check(first is second, msg, '%s is not %s' % (_repr(first), _repr(second)))

    def assertIsNot(self, first, second, msg=None):
        self._check(first is not second, msg, 'unexpectedly identical: %s' % _repr(first))

    def assertIsNone(self, obj, msg=None):
        self._check(obj is None, msg, '%s is not None' % _repr(obj))

    def assertIsNotNone(self, obj, msg=None):
        self._check(obj is not None, msg, 'unexpectedly None')

    def assertIn(self, member, container, msg=None):
        self._check(member in container, msg,
                    '%s not found in %s' % (_repr(member), _repr(container)))

    def assertNotIn(self, member, container, msg=None):
        self._check(member not in container, msg,
                    '%s unexpectedly found in %s' % (_repr(member), _repr(container)))

    def assertIsInstance(self, obj, cls, msg=None):
        self._check(isinstance(obj, cls), msg,
                    '%s is not an instance of %r' % (_repr(obj), cls))

    def assertNotIsInstance(self, obj, cls, msg=None):
        self._check(not isinstance(obj, cls), msg,
                    '%s is an instance of %r' % (_repr(obj), cls))

    def assertGreater(self, a, b, msg=None):
        self._check(a > b, msg, '%s not greater than %s' % (_repr(a), _repr(b)))

    def assertGreaterEqual(self, a, b, msg=None):
        self._check(a >= b, msg, '%s not greater than or equal to %s' % (_repr(a), _repr(b)))

    def assertLess(self, a, b, msg=None):
        self._check(a < b, msg, '%s not less than %s' % (_repr(a), _repr(b)))

    def assertLessEqual(self, a, b, msg=None):
        self._check(a <= b, msg, '%s not less than or equal to %s' % (_repr(a), _repr(b)))

    def assertAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if first == second:
            return
        if delta is not None and places is not None:
            raise TypeError('specify delta or places not both')
        diff = abs(first - second)
        if delta is not None:
            if diff <= delta:
                return
            standard = '%s != %s within %s delta (%s difference)' % (
                _repr(first), _repr(second), _repr(delta), _repr(diff))
        else:
            if places is None:
                places = 7
            if round(diff, places) == 0:
                return
            standard = '%s != %s within %r places (%s difference)' % (
                _repr(first), _repr(second), places, _repr(diff))
        self.fail(self._formatMessage(msg, standard))

    def assertNotAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if delta is not None and places is not None:
            raise TypeError('specify delta or places not both')
        diff = abs(first - second)
        if delta is not None:
            if not (first == second) and diff > delta:
                return
            standard = '%s == %s within %s delta (%s difference)' % (
                _repr(first), _repr(second), _repr(delta), _repr(diff))
        else:
            if places is None:
                places = 7
            if not (first == second) and round(diff, places) != 0:
                return
            standard = '%s == %s within %r places' % (_repr(first), _repr(second), places)
        self.fail(self._formatMessage(msg, standard))

    def assertSequenceEqual(self, first, second, msg=None, seq_type=None):
        if seq_type is not None:
            name = seq_type.__name__
            for which, seq in (('First', first), ('Second', second)):
                if not isinstance(seq, seq_type):
                    self.fail(self._formatMessage(
                        msg, '%s sequence is not a %s: %s' % (which, name, _repr(seq))))
        if len(first) != len(second) or any(a != b for a, b in zip(first, second)):
            self.fail(self._formatMessage(msg, 'Sequences differ: %s != %s' % (_repr(first), _repr(second))))

    def assertListEqual(self, first, second, msg=None):
        self.assertSequenceEqual(first, second, msg, list)

    def assertTupleEqual(self, first, second, msg=None):
        self.assertSequenceEqual(first, second, msg, tuple)

    def assertDictEqual(self, first, second, msg=None):
        self.assertIsInstance(first, dict, 'First argument is not a dictionary')
        self.assertIsInstance(second, dict, 'Second argument is not a dictionary')
        self.assertEqual(first, second, msg)

    def assertSetEqual(self, first, second, msg=None):
        self.assertEqual(set(first), set(second), msg)

    def assertCountEqual(self, first, second, msg=None):
        first, second = list(first), list(second)
        unmatched = list(second)
        for item in first:
            for i, other in enumerate(unmatched):
                if other == item:
                    del unmatched[i]
                    break
            else:
                self.fail(self._formatMessage(msg, 'Element counts were not equal'))
        if unmatched:
            self.fail(self._formatMessage(msg, 'Element counts were not equal'))

    def assertMultiLineEqual(self, first, second, msg=None):
        self.assertEqual(first, second, msg)

    def assertRegex(self, text, regex, msg=None):
        pattern = getattr(regex, 'pattern', regex)
        found = re.search(pattern, text) is not None
        self._check(found, msg, "Regex didn't match: %r not found in %r" % (pattern, text))

    def assertRaises(self, expected, *args, **kwargs):
        context = _RaisesContext(expected, self, msg=kwargs.pop('msg', None))
        return context if not args else context._call(args, kwargs)

    def assertRaisesRegex(self, expected, regex, *args, **kwargs):
        context = _RaisesContext(expected, self, regex, kwargs.pop('msg', None))
        return context if not args else context._call(args, kwargs)

    def assertNotRegex(self, text, regex, msg=None):
        pattern = getattr(regex, 'pattern', regex)
        found = re.search(pattern, text) is not None
        self._check(not found, msg, 'Regex matched: %r matches %r' % (text, pattern))

    def assertWarns(self, expected, *args, **kwargs):
        context = _WarnsContext(self)
        if not args:
            return context
        args[0](*args[1:], **kwargs)
        return context

    failUnlessEqual = assertEquals = assertEqual
    failIfEqual = assertNotEquals = assertNotEqual
    failUnless = assert_ = assertTrue
    failIf = assertFalse


class _SubTestCase(TestCase):
    def __init__(self, test, description):
        TestCase.__init__(self)
        self.test_case = test
        self._description = description

    def id(self):
        return '%s %s' % (self.test_case.id(), self._description)

    def __str__(self):
        return '%s %s' % (self.test_case, self._description)


class _FailedTest(TestCase):
    def __init__(self, name, error):
        TestCase.__init__(self)
        self._name = name
        self._error = error

    def runTest(self):
        raise self._error

    def id(self):
        return 'unittest.loader._FailedTest.' + self._name

    def __str__(self):
        return '%s (%s)' % (self._name, self.id())


class FunctionTestCase(TestCase):
    def __init__(self, testFunc, setUp=None, tearDown=None, description=None):
        TestCase.__init__(self)
        self._testFunc = testFunc
        self._setUpFunc = setUp
        self._tearDownFunc = tearDown
        self._description = description

    def setUp(self):
        if self._setUpFunc is not None:
            self._setUpFunc()

    def tearDown(self):
        if self._tearDownFunc is not None:
            self._tearDownFunc()

    def runTest(self):
        self._testFunc()

    def id(self):
        return self._testFunc.__name__

    def __str__(self):
        return '%s (%s)' % (type(self).__name__, self._testFunc.__name__)


class TestResult:
    def __init__(self, stream=None, descriptions=None, verbosity=0):
        self.failures = []
        self.errors = []
        self.skipped = []
        self.expectedFailures = []
        self.unexpectedSuccesses = []
        self.testsRun = 0
        self.shouldStop = False
        self.stream = stream
        self.verbosity = verbosity
        self.failfast = False

    def wasSuccessful(self):
        return not (self.failures or self.errors or self.unexpectedSuccesses)

    def stop(self):
        self.shouldStop = True

    def _report(self, word, char):
        if self.stream is None:
            return
        if self.verbosity > 1:
            self.stream.write(word + '\n')
        else:
            self.stream.write(char)
        if hasattr(self.stream, 'flush'):
            self.stream.flush()

    def startTest(self, test):
        self.testsRun += 1
        if self.stream is not None and self.verbosity > 1:
            self.stream.write(str(test) + ' ... ')

    def addSuccess(self, test):
        self._report('ok', '.')

    def addFailure(self, test, err):
        self.failures.append((test, _format(err)))
        self._report('FAIL', 'F')
        if self.failfast:
            self.shouldStop = True

    def addError(self, test, err):
        self.errors.append((test, _format(err)))
        self._report('ERROR', 'E')
        if self.failfast:
            self.shouldStop = True

    def addSkip(self, test, reason):
        self.skipped.append((test, reason))
        self._report('skipped %r' % (reason,), 's')

    def addExpectedFailure(self, test, err):
        self.expectedFailures.append((test, _format(err)))
        self._report('expected failure', 'x')

    def addUnexpectedSuccess(self, test):
        self.unexpectedSuccesses.append(test)
        self._report('unexpected success', 'u')


def _format(exc):
    try:
        import io
        out = io.StringIO()
        sys.print_exception(exc, out)
        return out.getvalue()
    except Exception:
        return '%s: %s\n' % (type(exc).__name__, exc)


def _run_one(test, result):
    cls = type(test)
    method = getattr(test, test._testMethodName)
    result.startTest(test)
    if getattr(cls, '__unittest_skip__', False) or getattr(method, '__unittest_skip__', False):
        why = getattr(cls, '__unittest_skip_why__', '') or getattr(method, '__unittest_skip_why__', '')
        result.addSkip(test, why)
        return
    expecting_failure = getattr(method, '__unittest_expecting_failure__', False)
    test._subtest_outcomes = []
    try:
        test.setUp()
    except SkipTest as e:
        result.addSkip(test, str(e))
        return
    except KeyboardInterrupt:
        raise
    except BaseException as e:
        result.addError(test, e)
        test.doCleanups()
        return
    outcome = None
    try:
        method()
    except SkipTest as e:
        outcome = ('skip', str(e))
    except test.failureException as e:
        outcome = ('fail', e)
    except KeyboardInterrupt:
        raise
    except BaseException as e:
        outcome = ('error', e)
    if expecting_failure and outcome is None and test._subtest_outcomes:
        outcome = ('fail', test._subtest_outcomes[0][1])
        test._subtest_outcomes = []
    for description, exc in test._subtest_outcomes:
        sub = _SubTestCase(test, description)
        if isinstance(exc, SkipTest):
            result.addSkip(sub, str(exc))
        elif isinstance(exc, test.failureException):
            result.addFailure(sub, exc)
        else:
            result.addError(sub, exc)
    subtests_failed = bool(test._subtest_outcomes)
    try:
        test.tearDown()
    except KeyboardInterrupt:
        raise
    except BaseException as e:
        if outcome is None:
            outcome = ('error', e)
    for e in test.doCleanups():
        if outcome is None:
            outcome = ('error', e)
    if outcome is None:
        if expecting_failure:
            result.addUnexpectedSuccess(test)
        elif not subtests_failed:
            result.addSuccess(test)
    elif outcome[0] == 'skip':
        result.addSkip(test, outcome[1])
    elif expecting_failure:
        result.addExpectedFailure(test, outcome[1])
    elif outcome[0] == 'fail':
        result.addFailure(test, outcome[1])
    else:
        result.addError(test, outcome[1])


def _module_fixture(module, name, result):
    fixture = getattr(module, name, None) if module is not None else None
    if fixture is not None:
        try:
            fixture()
        except Exception as e:
            result.errors.append((name, _format(e)))


class TestSuite:
    def __init__(self, tests=()):
        self._tests = []
        self.addTests(tests)

    def addTest(self, test):
        self._tests.append(test)

    def addTests(self, tests):
        for test in tests:
            self.addTest(test)

    def __iter__(self):
        return iter(self._tests)

    def countTestCases(self):
        return sum(test.countTestCases() for test in self._tests)

    def run(self, result):
        classes = []
        module = None
        for test in self._flat():
            if result.shouldStop:
                break
            test_module = sys.modules.get(type(test).__module__)
            if test_module is not module:
                _module_fixture(module, 'tearDownModule', result)
                module = test_module
                _module_fixture(module, 'setUpModule', result)
            cls = type(test)
            if cls not in classes:
                classes.append(cls)
                if not getattr(cls, '__unittest_skip__', False):
                    try:
                        cls.setUpClass()
                    except Exception as e:
                        result.addError(test, e)
                        continue
            _run_one(test, result)
        for cls in classes:
            if not getattr(cls, '__unittest_skip__', False):
                try:
                    cls.tearDownClass()
                except Exception as e:
                    result.errors.append((cls, _format(e)))
        _module_fixture(module, 'tearDownModule', result)
        return result

    def _flat(self):
        for test in self._tests:
            if isinstance(test, TestSuite):
                yield from test._flat()
            else:
                yield test

    def __call__(self, result):
        return self.run(result)


class TestLoader:
    testMethodPrefix = 'test'

    def getTestCaseNames(self, cls):
        return sorted(name for name in dir(cls)
                      if name.startswith(self.testMethodPrefix) and callable(getattr(cls, name)))

    def loadTestsFromTestCase(self, cls):
        names = self.getTestCaseNames(cls)
        if not names and hasattr(cls, 'runTest'):
            names = ['runTest']
        return TestSuite(cls(name) for name in names)

    def loadTestsFromModule(self, module):
        suite = TestSuite()
        for name in dir(module):
            obj = getattr(module, name, None)
            if isinstance(obj, type) and issubclass(obj, TestCase) and obj not in (TestCase, FunctionTestCase):
                suite.addTest(self.loadTestsFromTestCase(obj))
        return suite

    def loadTestsFromName(self, name, module=None):
        parts = name.split('.')
        obj = module if module is not None else sys.modules[parts.pop(0)]
        parent = None
        for part in parts:
            try:
                parent, obj = obj, getattr(obj, part)
            except AttributeError as e:
                return TestSuite([_FailedTest(name, e)])
        if isinstance(obj, type) and issubclass(obj, TestCase):
            return self.loadTestsFromTestCase(obj)
        if parent is not None and isinstance(parent, type) and issubclass(parent, TestCase):
            return TestSuite([parent(obj.__name__)])
        return TestSuite([FunctionTestCase(obj)])


defaultTestLoader = TestLoader()


class TextTestRunner:
    def __init__(self, stream=None, descriptions=True, verbosity=1, failfast=False, **kwargs):
        self.stream = stream if stream is not None else sys.stderr
        self.verbosity = verbosity
        self.failfast = failfast

    def run(self, test):
        result = TestResult(self.stream, True, self.verbosity)
        result.failfast = self.failfast
        started = time.perf_counter()
        test(result)
        taken = time.perf_counter() - started
        write = self.stream.write
        if self.verbosity > 0:
            write('\n')
        for kind, problems in (('ERROR', result.errors), ('FAIL', result.failures)):
            for test_, text in problems:
                write('=' * 70 + '\n')
                write('%s: %s\n' % (kind, test_))
                write('-' * 70 + '\n')
                write(text + '\n')
        write('-' * 70 + '\n')
        run = result.testsRun
        write('Ran %d test%s in %.3fs\n\n' % (run, '' if run == 1 else 's', taken))
        infos = []
        if result.wasSuccessful():
            write('OK')
        else:
            write('FAILED')
            if result.failures:
                infos.append('failures=%d' % len(result.failures))
            if result.errors:
                infos.append('errors=%d' % len(result.errors))
        if result.skipped:
            infos.append('skipped=%d' % len(result.skipped))
        if result.expectedFailures:
            infos.append('expected failures=%d' % len(result.expectedFailures))
        if result.unexpectedSuccesses:
            infos.append('unexpected successes=%d' % len(result.unexpectedSuccesses))
        write(' (%s)\n' % ', '.join(infos) if infos else '\n')
        return result


class TestProgram:
    def __init__(self, module='__main__', defaultTest=None, argv=None, testRunner=None,
                 testLoader=defaultTestLoader, exit=True, verbosity=1, failfast=False, **kwargs):
        if isinstance(module, str):
            module = sys.modules[module]
        argv = sys.argv if argv is None else argv
        names = []
        for arg in argv[1:]:
            if arg in ('-v', '--verbose'):
                verbosity = 2
            elif arg in ('-q', '--quiet'):
                verbosity = 0
            elif arg in ('-f', '--failfast'):
                failfast = True
            elif not arg.startswith('-'):
                names.append(arg)
        if defaultTest is not None and not names:
            names = [defaultTest] if isinstance(defaultTest, str) else list(defaultTest)
        if names:
            test = TestSuite(testLoader.loadTestsFromName(n, module) for n in names)
        else:
            test = testLoader.loadTestsFromModule(module)
        runner = testRunner if testRunner is not None else TextTestRunner(verbosity=verbosity,
                                                                          failfast=failfast)
        if isinstance(runner, type):
            runner = runner(verbosity=verbosity, failfast=failfast)
        self.result = runner.run(test)
        if exit:
            sys.exit(not self.result.wasSuccessful())


main = TestProgram
