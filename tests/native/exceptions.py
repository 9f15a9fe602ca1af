# try/except/else/finally, bare raise and raise ... from under @micropython.native.
import micropython


@micropython.native
def classify(x):
    try:
        r = 10 // x
    except ZeroDivisionError as e:
        return "zero: " + str(e)
    except TypeError:
        return "type"
    else:
        return "ok %d" % r
    finally:
        print("finally", x)


print(classify(3))
print(classify(0))
print(classify("s"))


@micropython.native
def reraise():
    try:
        [][1]
    except IndexError:
        print("handling")
        raise


try:
    reraise()
except IndexError as e:
    print("outer", e)


@micropython.native
def chained():
    try:
        {}["k"]
    except KeyError as e:
        raise ValueError("bad key") from e


try:
    chained()
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)


@micropython.native
def implicit_context():
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("during handling")


try:
    implicit_context()
except RuntimeError as e:
    print(repr(e), type(e.__context__).__name__, e.__cause__)


@micropython.native
def from_none():
    try:
        int("x")
    except ValueError:
        raise TypeError("clean") from None


try:
    from_none()
except TypeError as e:
    print(repr(e), e.__cause__, e.__suppress_context__)


@micropython.native
def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"


print(finally_overrides())


@micropython.native
def loop_control():
    out = []
    for i in range(6):
        try:
            if i == 1:
                continue
            if i == 4:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out


print(loop_control())


@micropython.native
def nested(n):
    try:
        try:
            if n:
                raise KeyError(n)
            return "none"
        except KeyError as e:
            raise IndexError("from %s" % e)
        finally:
            print("inner finally")
    except IndexError as e:
        return "outer " + str(e)


print(nested(0), nested(7))


@micropython.native
def except_name_cleared():
    try:
        raise ValueError(1)
    except ValueError as err:
        pass
    try:
        return err
    except NameError as e:
        return "cleared: " + str(e)


print(except_name_cleared())


class MyError(Exception):
    def __init__(self, code):
        super().__init__("code", code)
        self.code = code


@micropython.native
def custom(c):
    try:
        raise MyError(c)
    except (KeyError, MyError) as e:
        return e.code, e.args


print(custom(42))


@micropython.native
def raise_class():
    raise StopIteration


try:
    raise_class()
except StopIteration as e:
    print("class raised", repr(e))


@micropython.native
def bad_raise():
    raise 5


try:
    bad_raise()
except TypeError as e:
    print(e)


@micropython.native
def bare_raise_nothing():
    raise


try:
    bare_raise_nothing()
except RuntimeError as e:
    print(e)


@micropython.native
def exc_info_in_finally():
    try:
        try:
            raise ValueError("first")
        finally:
            print("cleanup")
    except ValueError as e:
        return "got " + str(e)


print(exc_info_in_finally())
