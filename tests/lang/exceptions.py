# Exceptions: clauses, nesting, chaining, raise from, hierarchies, args, str/repr, errors in handlers
def run(fn):
    try:
        fn()
    except BaseException as e:
        print('escaped', type(e).__name__, e)
def t1():
    try:
        1 / 0
    except (TypeError, ZeroDivisionError) as e:
        print('caught', type(e).__name__, e)
    else:
        print('no else')
    finally:
        print('finally')
run(t1)
def t2():
    try:
        pass
    except Exception:
        print('no')
    else:
        print('else runs')
run(t2)
def t3():
    try:
        try:
            raise ValueError('inner')
        except ValueError as e:
            raise TypeError('outer') from e
    except TypeError as e:
        print(e, repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
run(t3)
def t4():
    try:
        try:
            raise ValueError('first')
        except ValueError:
            raise KeyError('second')
    except KeyError as e:
        print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)
run(t4)
def t5():
    try:
        try:
            raise ValueError('v')
        except ValueError:
            raise RuntimeError('r') from None
    except RuntimeError as e:
        print(e.__cause__, repr(e.__context__), e.__suppress_context__)
run(t5)
def t6():
    try:
        raise
    except RuntimeError as e:
        print(type(e).__name__, e)
run(t6)
def t7():
    try:
        try:
            raise ValueError('orig')
        except ValueError:
            print('handling')
            raise
    except ValueError as e:
        print('reraised', e)
run(t7)
def t8():
    try:
        raise ValueError('x')
    except ValueError as e:
        err = e
    try:
        print(e)
    except NameError as ne:
        print(type(ne).__name__, ne)
    print('kept', err)
run(t8)
def t9():
    try:
        raise KeyError('in try')
    finally:
        print('finally before escape')
run(t9)
def t10():
    try:
        raise ValueError('a')
    except ValueError:
        1 / 0
run(t10)
def t11():
    try:
        try:
            raise ValueError('a')
        finally:
            raise TypeError('from finally')
    except TypeError as e:
        print(e, repr(e.__context__))
run(t11)
def t12():
    try:
        raise ValueError
    except ValueError as e:
        print(repr(e), e.args, str(e) == '')
run(t12)
def t13():
    raise TypeError
run(t13)
def t14():
    try:
        raise 5
    except TypeError as e:
        print(type(e).__name__, e)
    try:
        raise ValueError from 5
    except TypeError as e:
        print(type(e).__name__, e)
    class NotExc: pass
    try:
        raise NotExc
    except TypeError as e:
        print(type(e).__name__, e)
    try:
        try:
            pass
        except 5:
            pass
        try:
            1 / 0
        except 5:
            pass
    except TypeError as e:
        print(type(e).__name__, e)
run(t14)
