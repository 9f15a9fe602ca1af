# Functions: parameter kinds, defaults, closures, nonlocal, recursion, lambda, decorators, attributes
def f(a, b=2, /, c=3, *args, d, e=5, **kw):
    return a, b, c, args, d, e, kw
print(f(1, d=4))
print(f(1, 2, 3, 4, 5, d=6, x=7))
print(f(1, c=9, d=0, b=8))
print(f.__defaults__, f.__kwdefaults__, f.__code__.co_argcount, f.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount)
print(f.__name__, f.__qualname__, f.__code__.co_name, f.__code__.co_varnames[:7], f.__module__)
for call in ['f()', 'f(1)', 'f(1, a=1, d=1)', 'f(1, 2, 3, d=1, c=2)', 'f(d=1)', 'f(1, d=1, **{"d": 2})']:
    try:
        print(eval(call))
    except TypeError as e:
        print(call, type(e).__name__, e)
def g(x, y):
    return x - y
for call in ['g(1)', 'g(1, 2, 3)', 'g(1, z=2)', 'g(1, x=2)', 'g(y=1)', 'g()']:
    try:
        eval(call)
    except TypeError as e:
        print(call, type(e).__name__, e)
def k(*, a, b):
    return a + b
for call in ['k(1, 2)', 'k(a=1)', 'k(a=1, b=2, c=3)']:
    try:
        print(eval(call))
    except TypeError as e:
        print(call, type(e).__name__, e)
def p(a, /, b):
    return a, b
try:
    p(a=1, b=2)
except TypeError as e:
    print(type(e).__name__, e)
def pk(a, /, **kw):
    return a, kw
print(pk(1, a=2))
def counter(acc=[]):
    acc.append(len(acc))
    return acc
print(counter(), counter(), counter([9]), counter())
calls = []
def dflt(v):
    calls.append(v); return v
def with_default(x=dflt('evaluated once')):
    return x
with_default(); with_default()
print(calls)
fs = [lambda: i for i in range(3)]
print([fn() for fn in fs])
fs = [lambda i=i: i for i in range(3)]
print([fn() for fn in fs])
def make_counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    def get(): return n
    return inc, get
inc, get = make_counter()
inc(); inc(5)
print(get(), inc.__closure__ is not None, len(inc.__closure__), inc.__closure__[0].cell_contents)
try:
    print(inc.__code__.co_freevars, make_counter.__code__.co_cellvars)
except AttributeError as e:
    print(type(e).__name__, e)
def outer():
    x = 'outer'
    def mid():
        def inner():
            nonlocal x
            x = 'changed'
        inner()
        return x
    return mid(), x
print(outer())
def fact(n): return 1 if n <= 1 else n * fact(n - 1)
print(fact(30), (lambda n: n * 2)(4), (lambda *a, **k: (a, k))(1, z=2), (lambda x, /, y=1, *, z: x + y + z)(1, z=3))
def fib(n, memo={}):
    if n < 2: return n
    if n not in memo: memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]
print(fib(90))
def repeat(n):
    def deco(fn):
        def wrapper(*a, **k):
            return [fn(*a, **k) for _ in range(n)]
        wrapper.__name__ = fn.__name__
        wrapper.wrapped = fn
        return wrapper
    return deco
@repeat(3)
def hi(name): return 'hi ' + name
print(hi('bob'), hi.__name__, hi.wrapped('x'))
def trace(fn):
    def w(*a):
        print('call', fn.__name__, a)
        return fn(*a)
    return w
@trace
@repeat(2)
def twice(x): return x
print(twice(5))
def partial(fn, *pa, **pk):
    def call(*a, **k):
        return fn(*pa, *a, **{**pk, **k})
    return call
add3 = partial(lambda a, b, c=0: a + b + c, 1, c=10)
print(add3(2), add3(2, c=0))
def attrs(): pass
attrs.x = 5
attrs.__dict__['y'] = 6
print(attrs.x, attrs.y, sorted(attrs.__dict__), hasattr(attrs, 'z'))
attrs.__defaults__ = None
def dd(a, b=1): return a, b
dd.__defaults__ = (100,)
print(dd(1), dd.__defaults__)
dd.__defaults__ = (7, 8)
print(dd())
dd.__kwdefaults__ = {'q': 1}
print(dd.__kwdefaults__)
def doc():
    """Docstring here."""
print(doc.__doc__, (lambda: 0).__doc__, (lambda: 0).__name__, fact.__code__.co_argcount)
def anno(a: int, b: 'str' = 'x') -> list: pass
print(anno.__annotations__)
def gen_fn(): yield
print(type(gen_fn).__name__, callable(gen_fn), type(gen_fn()).__name__)
print(type(len).__name__, type([].append).__name__, type(fact).__name__)
class C:
    def m(self): return self
c = C()
print(c.m() is c, C.m(c) is c, c.m.__self__ is c, c.m.__func__ is C.m, c.m == c.m, type(c.m).__name__)
def rec_gen(n):
    if n: yield n; yield from rec_gen(n - 1)
print(list(rec_gen(5)))
def kwonly_default(*, a=1, b): return a, b
print(kwonly_default(b=2))
def varargs_only(*a): return a
print(varargs_only(), varargs_only(*range(3)))
def shadow(len=len): return len('abc')
print(shadow(), shadow(lambda s: 0))
x = 10
def read_global(): return x
def shadow_local():
    try:
        print(x)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    x = 1
read_global(); shadow_local()
def closure_late():
    fns = []
    for i in range(3):
        def f(): return i
        fns.append(f)
    i = 99
    return [f() for f in fns]
print(closure_late())
def clo_unbound():
    def inner(): return v
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    v = 1
    return inner()
print(clo_unbound())
print((lambda: (yield))().__class__.__name__, (lambda x: x)(x=3), (lambda: 1).__code__.co_argcount)

# Special attributes of functions check what they are given.
def target(a=1):
    pass
for attr, v in [('__name__', None), ('__name__', 'renamed'), ('__qualname__', 3),
                ('__doc__', 5), ('__defaults__', 3), ('__defaults__', (7,)),
                ('__kwdefaults__', 3), ('__kwdefaults__', None), ('__code__', 1),
                ('__dict__', 1), ('__dict__', {'k': 'v'}), ('__globals__', {}),
                ('__annotations__', [])]:
    try:
        setattr(target, attr, v)
        print(attr, 'now', getattr(target, attr))
    except (TypeError, AttributeError) as e:
        print(attr, type(e).__name__, e)
target.extra = 'attribute after __dict__ was replaced'
print(target.k, target.extra, sorted(target.__dict__))
for attr in ['__name__', '__dict__']:
    try:
        delattr(target, attr)
    except TypeError as e:
        print('del', attr, e)
