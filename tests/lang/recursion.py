# Deep recursion in many shapes raises RecursionError and the program continues
# gc-stress: skip (a collection at every allocation scans the whole deep stack each time: quadratic)
import sys
def E(label, fn):
    try:
        r = fn()
        print(label, 'ok', r if not isinstance(r, (list, dict)) else type(r).__name__)
    except RecursionError as e:
        print(label, 'RecursionError', isinstance(e, RuntimeError))
def f(n): return f(n + 1)
E('plain', lambda: f(0))
E('lambda', lambda: (g := lambda n: g(n + 1))(0))
class A:
    def __init__(self): A()
E('init', A)
class G:
    def __getattr__(self, n): return getattr(self, n + 'x')
E('getattr', lambda: G().a)
class R:
    def __repr__(self): return 'R' + repr(self)
E('repr', lambda: repr(R()))
class Eq:
    def __eq__(self, o): return self == o
E('eq', lambda: Eq() == 1)
class Add:
    def __add__(self, o): return self + o
E('add', lambda: Add() + 1)
def gen(n):
    yield from gen(n + 1)
E('yield from', lambda: next(gen(0)))
def via_map(n): return list(map(via_map, [n]))
E('builtin map', lambda: via_map(0))
def via_sorted(n): return sorted([n], key=via_sorted)
E('sorted key', lambda: via_sorted(0))
class Str:
    def __str__(self): return str(self)
E('str', lambda: str(Str()))
E('format', lambda: f'{Str()}')
class Hash:
    def __hash__(self): return hash(self)
E('hash', lambda: {Hash(): 1})
class Iter:
    def __iter__(self): return iter(self)
E('iter', lambda: iter(Iter()))
class Len:
    def __len__(self): return len(self)
E('len', lambda: len(Len()))
class Bool:
    def __bool__(self): return bool(self)
E('bool', lambda: bool(Bool()))
def via_exec(n): exec('via_exec(n + 1)', {'via_exec': via_exec, 'n': n})
E('exec', lambda: via_exec(0))
deep = []
for _ in range(100000):
    deep = [deep]
E('repr nested list', lambda: len(repr(deep)))
del deep
dd = {}
for _ in range(100000):
    dd = {'k': dd}
E('repr nested dict', lambda: len(str(dd)))
del dd
# the parser may refuse deep nesting (SyntaxError, RecursionError or MemoryError) but must not crash
for src in ['(' * 100000 + '1' + ')' * 100000, '[' * 100000 + ']' * 100000, '-' * 100000 + '1', 'not ' * 100000 + '1',
            'lambda: ' * 100000 + '1', '{' * 100000 + '}' * 100000]:
    try:
        eval(src, {'x': None, 'f': None})
        print('evaluated')
    except (SyntaxError, RecursionError, MemoryError):
        print('rejected')
    except (AttributeError, TypeError) as e:
        print(type(e).__name__)
print('recovered', sum(range(100)))
def depth(n=0):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
a = depth(); b = depth()
print('depth stable', abs(a - b) < 5, a > 100)
old = sys.getrecursionlimit()
sys.setrecursionlimit(200)
print('low limit', depth() < 200)
sys.setrecursionlimit(old)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(type(e).__name__, e)
print('done')

# Built-in iterators nested inside each other: a few thousand deep work as in CPython.
for nest in [enumerate, lambda x: filter(None, x), lambda x: map(max, x, ()), zip]:
    x = (1, 2)
    for _ in range(300):
        x = nest(x)
    print(len(tuple(x)))
