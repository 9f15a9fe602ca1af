# Exceptions: custom hierarchies, builtin hierarchy, args/str/repr, tracebacks, handler state, assert, common errors
class AppError(Exception): pass
class DBError(AppError): pass
class ConnError(DBError):
    def __init__(self, host): super().__init__(f'cannot reach {host}'); self.host = host
for exc in [ConnError('db1'), DBError('generic'), AppError(), ValueError('v'), KeyboardInterrupt(), SystemExit(3)]:
    try:
        try:
            raise exc
        except DBError as e:
            print('DBError handler', type(e).__name__, e)
        except AppError as e:
            print('AppError handler', repr(e))
        except Exception as e:
            print('Exception handler', repr(e))
    except BaseException as e:
        print('BaseException', type(e).__name__, repr(e), isinstance(e, Exception))
print([c.__name__ for c in ConnError.__mro__])
print(issubclass(KeyboardInterrupt, Exception), issubclass(KeyboardInterrupt, BaseException), issubclass(StopIteration, Exception),
      issubclass(GeneratorExit, Exception), issubclass(SystemExit, BaseException), issubclass(RecursionError, RuntimeError),
      issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, LookupError), issubclass(IndexError, LookupError),
      issubclass(UnicodeDecodeError, ValueError), issubclass(FileNotFoundError, OSError), issubclass(ModuleNotFoundError, ImportError),
      issubclass(NotImplementedError, RuntimeError), issubclass(UnboundLocalError, NameError), issubclass(OverflowError, ArithmeticError),
      IOError is OSError, EnvironmentError is OSError, issubclass(TimeoutError, OSError), issubclass(BrokenPipeError, ConnectionError))
for e in [ValueError(), ValueError('one'), ValueError('a', 2), ValueError(None), KeyError('k'), KeyError(1, 2), OSError(2, 'No such file'),
          Exception([1]), StopIteration(5), SystemExit(), UnicodeError('u'), IndexError(''), AttributeError('no attr')]:
    print(repr(e), '|', str(e), '|', e.args)
print(StopIteration(5).value, StopIteration().value, SystemExit(3).code, SystemExit().code, SystemExit(1, 2).code, OSError(2, 'x').errno, OSError(2, 'x').strerror)
e = ValueError('x'); e.args = ('changed', 1); print(e, e.args)
e = ValueError(); e.custom = 1; print(e.custom, hasattr(e, '__traceback__'), e.__traceback__, e.__cause__, e.__context__)
try:
    raise ValueError('tb')
except ValueError as e:
    print(e.__traceback__ is not None, type(e.__traceback__).__name__)
    print(getattr(e.__traceback__, 'tb_lineno', 'no tb_lineno'))
e2 = ValueError('w').with_traceback(None); print(e2)
def handler_error():
    try:
        raise ValueError('orig')
    except ValueError:
        try:
            raise KeyError('nested')
        except KeyError as k:
            print('nested caught', repr(k), repr(k.__context__))
        print('still handling', repr(__import__('sys').exc_info()[1]))
    print('after', __import__('sys').exc_info())
handler_error()
def gen_stop():
    yield 1
    raise StopIteration('inside')
try:
    list(gen_stop())
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__))
def loop_exc():
    out = []
    for i in range(4):
        try:
            if i % 2: raise ValueError(i)
            out.append(i)
        except ValueError as e:
            out.append(('err', e.args[0]))
            continue
        finally:
            out.append('f')
    return out
print(loop_exc())
def exc_var_cleared():
    e = 'before'
    try:
        raise ValueError
    except ValueError as e:
        pass
    try:
        return e
    except UnboundLocalError as u:
        return type(u).__name__
print(exc_var_cleared())
try:
    try:
        raise ValueError('A')
    except ValueError as a:
        try:
            raise TypeError('B')
        except TypeError:
            raise a
except ValueError as e:
    print('re-raised A with context', repr(e.__context__))
class CustomStr(Exception):
    def __str__(self): return 'custom!'
print(str(CustomStr('x')), repr(CustomStr('x')), CustomStr('x').args)
try:
    raise CustomStr
except CustomStr as e:
    print(e)
try:
    raise KeyboardInterrupt
except Exception:
    print('wrong')
except BaseException as e:
    print('KeyboardInterrupt is BaseException', type(e).__name__)
def assert_tests():
    try:
        assert 1 == 2, 'msg ' + str(3)
    except AssertionError as e:
        print(type(e).__name__, e, e.args)
    try:
        assert False
    except AssertionError as e:
        print(type(e).__name__, repr(e), e.args)
    assert True, 'not evaluated' + 1
    try:
        assert [], ['list', 'msg']
    except AssertionError as e:
        print(e.args)
assert_tests()
print(repr(NameError('n', name='x').name) if hasattr(NameError('n'), 'name') else 'no name attr')
try:
    undefined_name
except NameError as e:
    print(type(e).__name__, e)
try:
    [].pop()
except IndexError as e:
    print(type(e).__name__, e)
try:
    {}['k']
except LookupError as e:
    print(type(e).__name__, e)
try:
    int('x')
except ValueError as e:
    print(type(e).__name__, e)
try:
    None.attr
except AttributeError as e:
    print(type(e).__name__, e)
try:
    import no_such_module_xyz
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from sys import no_such_name
except ImportError as e:
    print(type(e).__name__, e)
