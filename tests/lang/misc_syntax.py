# Miscellaneous syntax: annotations, generic aliases, star in subscripts, __class__/__dict__ assignment, walrus, ternaries
x: int = 5
y: 'list[str]'
print(x, __annotations__, 'y' in globals())
class A:
    a: int
    b: str = 'bee'
    c = 3
print(A.__annotations__, A.b, hasattr(A, 'a'))
def f(p: int, *args: str, q: 'Q' = None, **kw: float) -> None: pass
print(f.__annotations__)
def g():
    local: int = 1
    unassigned: str
    return local, 'unassigned' in locals()
print(g())
print(list[int], dict[str, list[int]], tuple[int, ...], type(list[int]).__name__, list[int] == list[int], list[int](range(2)))
try:
    print(list[int].__origin__, list[int].__args__, isinstance([], list), type[int])
except AttributeError as e:
    print(type(e).__name__, e)
try:
    isinstance([], list[int])
    print('isinstance accepted a generic alias')
except TypeError as e:
    print(type(e).__name__, e)
class Generic:
    def __class_getitem__(cls, item): return f'{cls.__name__}[{item!r}]'
print(Generic[int], Generic['x'], Generic[1, 2])
class Sub:
    def __getitem__(self, k): return k
s = Sub()
t = (1, 2)
print(s[*t], s[0, *t], s[*t, *t], s[()], s[1:2, ...])
o = A()
class B:
    def who(self): return 'B'
class C:
    def who(self): return 'C'
obj = B()
obj.__class__ = C
print(obj.who(), type(obj).__name__, isinstance(obj, C))
try:
    obj.__class__ = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1).__class__ = C
except TypeError as e:
    print(type(e).__name__, e)
obj.__dict__ = {'z': 26}
print(obj.z, vars(obj))
try:
    obj.__dict__ = []
except TypeError as e:
    print(type(e).__name__, e)
print(type(A.__dict__).__name__, A.__dict__['c'], 'b' in A.__dict__)
try:
    A.__dict__['c'] = 4
except TypeError as e:
    print(type(e).__name__, e)
print((n := 10) + n, n, [m := 1, m + 1], (lambda: (w := 5) * w)())
if (found := next((i for i in range(10) if i * i > 20), None)) is not None:
    print('found', found)
while (chunk := [1, 2, 3][:0]):
    pass
print(1 if True else 2 if False else 3, (1 if False else 2) + 1, [i if i else 'zero' for i in range(2)])
print(... is Ellipsis, type(...).__name__, Ellipsis, repr(NotImplemented), type(NotImplemented).__name__)
def only_pass(): pass
def only_ellipsis(): ...
def only_doc(): 'doc'
print(only_pass(), only_ellipsis(), only_doc(), only_doc.__doc__)
if True: print('one-line if'); print('second stmt')
for i in range(2): print('one-line for', i)
x = 1; y = 2; z = x + y; print(z)
print(0 if not [] else 1, not not 'a', (not 1) is False, -(not 0))
print(type(lambda: 0).__name__, (lambda: 0).__qualname__, [lambda: 0][0].__name__)
def outer():
    def inner(): pass
    class K:
        def m(self): pass
    return inner.__qualname__, K.m.__qualname__, K.__qualname__
print(outer(), A.__qualname__, f.__qualname__)
print(__name__, type(__builtins__).__name__ in ('module', 'dict'), __doc__, __file__.endswith('misc_syntax.py') if '__file__' in globals() else 'nofile')
print('%s' % __spec__ if False else 'skip spec', __package__ in (None, ''))
import sys
print(sys.version_info >= (3, 0), sys.version_info[0], type(sys.argv).__name__, sys.maxsize > 2 ** 30, sys.byteorder in ('little', 'big'))
print(int.__name__, int.__qualname__, int.__module__, str.upper.__name__, len.__name__)
print(chr(0x1F600).isprintable(), 'ß'.upper(), 'ǅ'.lower(), 'İ'.lower().encode('utf-8'), 'ﬁ'.upper(), '\u00e9'.encode(), len('é'.encode('utf-16-le')))
semicolon_stmt = 1;
print(semicolon_stmt)
a = b = c = []
a.append(1)
print(b, c, a is c)
i = 0
lst = [0, 0]
i, lst[i] = 1, 9
print(lst)
d = {}
k = 'k'
d[k] = k = 'v'
print(d)
def defaults_order(a, b=[], *, c={}):
    b.append(1); c[len(c)] = 1
    return b, c
defaults_order(1); print(defaults_order(1))
print((1, 2) if True else (3, 4), [*(1, 2), *[3]], {**{}}, (*(),), ((),))
print('%s' % (('tuple',),), '%s %s' % ('a', 'b'), f'{"%s"}' % 'x')
print(0x10 + 0o10 + 0b10 + 10, 1_0 * 1_0, 1e1_0 > 0)
print('a' < 'b' < 'c', 1 < 2 > 1.5, (1 < 2) < 3)
backslash_continued = 1 + \
    2
print(backslash_continued)
implicit = (1 +
            2)
print(implicit, [1,
                 2], {'a':
                      1})
