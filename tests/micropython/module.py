# The micropython module and MicroPython's compile-time conveniences. CPython has no such module:
# the expected output is written by hand from MicroPython's behaviour (see tests/DIFFERENCES).
import micropython
import sys

# const() needs no import; later loads of the name are the folded value.
X = const(123)
Y = const(X * 2 + (1 << 4))
_PRIVATE = const(7)
BIG = const(1 << 70)
TEXT = const('abc')
PAIR = const((1, 'two'))
print(X, Y, _PRIVATE, BIG, TEXT, PAIR)
# Constant tuples may hold None, bools, Ellipsis and earlier constants, and equal one another;
# float arithmetic and math's constants fold too (MicroPython folds math.pi when math is
# imported).
import math
_INNER = const((None, False, True, ..., (), PAIR))
F = const(2.5 ** 2 + 2 ** -2 - 1 / 4)
TWO_PI = const(2 * math.pi)
print(_INNER, F, TWO_PI, PAIR is (1, 'two'), (X, TEXT) is (123, 'abc'))
print('X' in globals(), '_PRIVATE' in globals())

def uses_consts():
    return X + Y + _PRIVATE

class Holder:
    C = const(4)
    def method(self):
        return C, self.C
print(uses_consts(), Holder().method())

from micropython import const as make_const
print(make_const(5))

for code in ['a = const(undefined_name)', 'A = const(1); A = const(2)',
             'B = const(1); B = 5', 'Z = const(1 // 0)', 'Z = const(1 << -1)',
             'Z = const(2 @ 3)', 'Z = const([1])']:
    try:
        exec(code)
        print('compiled', code)
    except SyntaxError as e:
        print('SyntaxError', e.msg)

# Emitter decorators need no import; any other @micropython.name is a SyntaxError.
@micropython.bytecode
def plain():
    return 'bytecode'
print(plain())
for code in ['@micropython.nonsense\ndef f(): pass', '@micropython.a.b\ndef f(): pass']:
    try:
        exec(code)
    except SyntaxError as e:
        print('SyntaxError', e.msg)

# heap_lock: allocation raises MemoryError, calls still work, unlock returns the depth left.
def add(a, b=2):
    return a + b
class Counter:
    def __init__(self):
        self.n = 0
    def bump(self, by):
        self.n += by
counter = Counter()
def loops():
    for x in (1, 2):
        for y in range(3):
            counter.bump(x * y)
    for ch in 'ab':
        print(ch, 7)
# Exceptions can still be raised and caught (MicroPython's emergency exception buffer).
def raises():
    try:
        return 1 // 0
    except ZeroDivisionError as e:
        return e
total = locked = depth = caught = None  # bound now: adding a global while locked may grow the dict
micropython.heap_lock()
micropython.heap_lock()
try:
    [1, 2, 3]
except MemoryError:
    print('MemoryError while locked')
total = add(1) + add(a=3, b=4)
# Loops over built-in containers and ranges, method calls and printing strings and small ints
# allocate nothing a program sees (MicroPython keeps such state on the C stack).
loops()
try:
    [total]
except MemoryError:
    print('still locked after the loops')
caught = raises()
locked = micropython.heap_locked()
depth = micropython.heap_unlock()
micropython.heap_unlock()
print(total, counter.n, locked, depth, micropython.heap_locked(), [4, 5], repr(caught))

# mem_info prints MicroPython's lines; the numbers vary, so only their labels are checked.
import io
captured = io.StringIO()
real_stdout = sys.stdout
sys.stdout = captured
micropython.mem_info()
micropython.qstr_info()
sys.stdout = real_stdout
for line in captured.getvalue().splitlines():
    print(''.join(c for c in line if not c.isdigit()))

# Memory statistics grow with allocation.
t, c, p = micropython.mem_total(), micropython.mem_current(), micropython.mem_peak()
big = list(range(10000))
print(micropython.mem_total() > t, micropython.mem_current() > c, micropython.mem_peak() > p)
del big
micropython.alloc_emergency_exception_buf(100)

# opt_level, kbd_intr and schedule.
old = micropython.opt_level()
micropython.opt_level(1)
print(old, micropython.opt_level())
exec('print(__debug__)')
micropython.opt_level(old)
micropython.kbd_intr(-1)
micropython.kbd_intr(3)

# schedule: a callback runs at the next check point (here a loop's backward jump), oldest
# first; one scheduled by a running callback waits until that callback is done; the queue holds
# 8 callbacks; schedule(kbd_intr) raises KeyboardInterrupt at the next check point.
log = []
def inner(arg):
    log.append('inner %d' % arg)
def outer(arg):
    micropython.schedule(inner, arg + 1)
    for _ in range(3):
        pass
    log.append('outer %d' % arg)
micropython.schedule(outer, 1)
for _ in range(3):
    pass
print(log)
def flood(_):
    try:
        for i in range(20):
            micropython.schedule(log.append, i)
    except RuntimeError as e:
        print('RuntimeError', e)
micropython.schedule(flood, None)
for _ in range(3):
    pass
print(len(log), log[-1])
try:
    micropython.schedule(micropython.kbd_intr)
    micropython.schedule(micropython.kbd_intr)
    for _ in range(3):
        pass
    print('no interrupt')
except KeyboardInterrupt:
    print('KeyboardInterrupt')
for _ in range(3):
    pass
print('one interrupt only')

# MicroPython's u-names are the same modules.
import usys, utime, uio, ustruct, ucollections, uerrno, ubinascii
import time, struct, collections, errno, binascii
print(usys is sys, utime is time, uio is io, ustruct is struct, ucollections is collections,
      uerrno is errno, ubinascii is binascii)

# sys.print_exception writes to sys.stdout; from opt_level(3) on, newly compiled code keeps no
# line numbers (every line reads as 1).
source = ('def g():\n    return undefined_name\ntry:\n    g()\nexcept NameError as e:\n'
          '    import sys\n    sys.print_exception(e)\n')
exec(source)
micropython.opt_level(3)
print(micropython.opt_level())
exec(source)
micropython.opt_level(0)
exec(source)
