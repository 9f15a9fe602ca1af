# with statement: multiple items, exceptions in __enter__/__exit__, suppression, ordering
class CM:
    def __init__(self, name, suppress=False, fail_enter=False, fail_exit=False):
        self.name, self.suppress, self.fail_enter, self.fail_exit = name, suppress, fail_enter, fail_exit
    def __enter__(self):
        print('enter', self.name)
        if self.fail_enter: raise RuntimeError('enter failed ' + self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print('exit', self.name, et.__name__ if et else None, ev)
        if self.fail_exit: raise KeyError('exit failed ' + self.name)
        return self.suppress
with CM('a') as x, CM('b') as y:
    print('body', x, y)
with (CM('p') as p,
      CM('q') as q):
    print('parenthesized', p, q)
try:
    with CM('a'), CM('b', fail_enter=True), CM('c'):
        print('not reached')
except RuntimeError as e:
    print('caught', e)
try:
    with CM('a'), CM('b', fail_exit=True):
        print('body runs')
except KeyError as e:
    print('caught', repr(e))
try:
    with CM('outer'), CM('inner', fail_exit=True):
        raise ValueError('body error')
except KeyError as e:
    print('exit error replaces', repr(e), 'context', repr(e.__context__))
with CM('outer'), CM('inner', suppress=True):
    raise ValueError('suppressed by inner')
print('continued')
with CM('outer', suppress=True), CM('inner'):
    raise ValueError('suppressed by outer')
print('continued 2')
def ret_in_with():
    with CM('r'):
        return 'returned'
print(ret_in_with())
def brk_in_with():
    for i in range(3):
        with CM(str(i)):
            if i == 1: break
            continue
    return i
print(brk_in_with())
class NoExit:
    def __enter__(self): return self
try:
    with NoExit():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
class NoEnter:
    def __exit__(self, *a): pass
try:
    with NoEnter():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
try:
    with 5:
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
class Truthy:
    def __enter__(self): return self
    def __exit__(self, *a): return 'non-empty string'
with Truthy():
    raise KeyError('swallowed by truthy')
print('truthy suppress ok')
class ExitArgs:
    def __enter__(self): return self
    def __exit__(self, *args):
        print('args', len(args), args[0], type(args[1]).__name__, args[2] is not None)
        return True
with ExitArgs():
    1 / 0
with ExitArgs() as ea:
    pass
class Unpack:
    def __enter__(self): return (1, (2, 3))
    def __exit__(self, *a): pass
with Unpack() as (a, (b, c)):
    print(a, b, c)
class Target:
    pass
t = Target()
with Unpack() as t.attr:
    print(t.attr)
d = {}
with Unpack() as d['k']:
    pass
print(d)
import io
buf = io.StringIO()
with buf:
    buf.write('x')
print(buf.closed)
try:
    buf.write('y')
except ValueError as e:
    print(type(e).__name__, e)
class Reusable:
    def __init__(self): self.depth = 0
    def __enter__(self):
        self.depth += 1
        return self.depth
    def __exit__(self, *a):
        self.depth -= 1
r = Reusable()
with r as d1:
    with r as d2:
        print('depths', d1, d2, r.depth)
print(r.depth)
class EnterOrder:
    def __init__(self, n): print('construct', n); self.n = n
    def __enter__(self): print('enter', self.n)
    def __exit__(self, *a): print('exit', self.n)
with EnterOrder(1), EnterOrder(2):
    pass
def gen_cm():
    class G:
        def __enter__(s): return s
        def __exit__(s, et, ev, tb):
            print('gen cm exit', et.__name__ if et else None)
    with G():
        yield 1
        yield 2
gg = gen_cm()
print(next(gg))
gg.close()
class StopIt:
    def __enter__(self): return self
    def __exit__(self, et, ev, tb):
        print('saw', et.__name__)
        return False
def g_stop():
    with StopIt():
        yield 1
        raise StopIteration
try:
    list(g_stop())
except RuntimeError as e:
    print(type(e).__name__, e)
class ExitRaisesInSuppress:
    def __enter__(self): pass
    def __exit__(self, *a): raise TypeError('new in exit')
try:
    with ExitRaisesInSuppress():
        pass
except TypeError as e:
    print(type(e).__name__, e, e.__context__)
