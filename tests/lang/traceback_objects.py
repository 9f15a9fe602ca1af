# Tracebacks as objects: tb_lineno, tb_next, tb_frame (f_code, f_back), from __traceback__,
# sys.exc_info(), __exit__ and with_traceback().
import sys
def inner():
    raise ValueError('deep')
def outer():
    inner()
try:
    outer()
except ValueError as e:
    tb = e.__traceback__
    print(type(tb).__name__, tb.tb_lineno, tb.tb_frame.f_code.co_name)
    n = tb
    names = []
    while n is not None:
        names.append((n.tb_frame.f_code.co_name, n.tb_lineno))
        n = n.tb_next
    print(names)
    print(sys.exc_info()[2].tb_lineno)
    print(tb.tb_next.tb_frame.f_back.f_code.co_name)
    e2 = ValueError('again').with_traceback(tb)
    print(e2.__traceback__.tb_next.tb_lineno)
    try:
        raise e2
    except ValueError as e3:
        t = e3.__traceback__
        print(t.tb_lineno, t.tb_next.tb_lineno, t.tb_next.tb_next.tb_lineno)
class C:
    def __enter__(self): return self
    def __exit__(self, t, v, tb):
        print('exit', t.__name__, type(tb).__name__, tb.tb_lineno)
        return True
with C():
    1 / 0
try:
    ValueError().with_traceback(5)
except TypeError as e:
    print('TypeError', e)
print(ValueError().__traceback__)
