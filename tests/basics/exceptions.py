# Exceptions: hierarchy, handlers, finally, chaining, re-raise, custom classes.
def f(kind):
    try:
        if kind == 0: return "no error"
        if kind == 1: raise ValueError("bad value")
        if kind == 2: raise KeyError("k")
        if kind == 3: [][1]
        if kind == 4: {}['missing']
        if kind == 5: 1 / 0
        if kind == 6: int("x")
        if kind == 7: undefined_name
        if kind == 8: None.attr
        if kind == 9: "a" + 1
    except (ValueError, ZeroDivisionError) as e:
        return f"caught {type(e).__name__}: {e}"
    except LookupError as e:
        return f"lookup {type(e).__name__}: {e!r}"
    except Exception as e:
        return f"other {type(e).__name__}: {e}"
    finally:
        print("finally", kind)
for k in range(10):
    print(f(k))

def g():
    try:
        return "try"
    finally:
        print("finally runs before return")
print(g())

def h():
    for i in range(3):
        try:
            if i == 1: continue
            if i == 2: break
        finally:
            print("loop finally", i)
    return i
print(h())

class MyError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
try:
    raise MyError(42, "custom")
except MyError as e:
    print(e.code, e, e.args, repr(e))

try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("converted") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)

try:
    try:
        raise TypeError("first")
    except TypeError:
        raise KeyError("second")
except KeyError as e:
    print(repr(e.__context__))

def reraise():
    try:
        raise IndexError("inner")
    except IndexError:
        print("handling")
        raise
try:
    reraise()
except IndexError as e:
    print("re-raised", e)

try:
    raise StopIteration
except Exception as e:
    print(type(e).__name__, isinstance(e, Exception))

try:
    assert 1 == 2, "assertion message"
except AssertionError as e:
    print("AssertionError", e)

print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), KeyError.__mro__)
e = ValueError(1, 2)
print(e.args, str(e), repr(e))
print(str(KeyError('k')), str(KeyError()), repr(OSError(2, 'No such file')))
try:
    raise Exception
except Exception as e:
    print(repr(e), e.args)

def nested_finally():
    try:
        try:
            raise ValueError("x")
        finally:
            print("inner finally")
    except ValueError:
        print("outer caught")
    else:
        print("no")
    finally:
        print("outer finally")
nested_finally()

try:
    pass
except Exception:
    print("not reached")
else:
    print("else branch")

def exc_var_deleted():
    try:
        raise ValueError
    except ValueError as err:
        pass
    try:
        return err
    except NameError as e:
        return "NameError: " + str(e)
print(exc_var_deleted())

class NoArgs(Exception): pass
try:
    raise NoArgs
except NoArgs as e:
    print(repr(e), str(e) == "")

try:
    raise 5
except TypeError as e:
    print("TypeError", e)
