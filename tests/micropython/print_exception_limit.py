# MicroPython's sys.print_exception honours sys.tracebacklimit by keeping the outermost entries,
# as CPython's traceback.print_exception does (an uncaught exception keeps the innermost).
import io
import sys


def f0():
    raise ValueError('deep')


def f1():
    f0()


def f2():
    f1()


def report(e):
    buf = io.StringIO()
    sys.print_exception(e, buf)
    for line in buf.getvalue().splitlines():
        if line.startswith('  File'):
            print(line.split(', ', 1)[1])
        elif not line.startswith('    '):
            print(line)


try:
    f2()
except ValueError as e:
    for limit in (10, 3, 2, 1, 0, -1):
        sys.tracebacklimit = limit
        print('limit', limit)
        report(e)
    del sys.tracebacklimit
    print('no limit')
    report(e)
