# Unpacking: star targets, nested, errors, in for loops and calls
a, b = 1, 2; print(a, b)
a, b = b, a; print(a, b)
(a, b), c = [1, 2], 3; print(a, b, c)
a, *b = 'hello'; print(a, b)
*a, b = range(4); print(a, b)
a, *b, c = (1, 2); print(a, b, c)
a, *b, c = 1, 2, 3, 4, 5; print(a, b, c)
[a, [b, *c]], d = (0, (1, 2, 3)), 4; print(a, b, c, d)
*a, = 'xy'; print(a)
a = b = c = [7]; print(a is b is c)
x, y = {'k1': 1, 'k2': 2}; print(sorted([x, y]))
(a), (b) = 5, 6; print(a, b)
[a] = [9]; print(a)
a, (b, (c, d)) = 1, (2, (3, 4)); print(a + b + c + d)
it = iter(range(3)); a, b, c = it; print(a, b, c)
def g():
    yield 1; yield 2
a, b = g(); print(a, b)
l = [0, 0, 0]
l[0], l[1:] = 'a', 'bc'; print(l)
class O: pass
o = O()
o.x, o.y = 1, 2; print(o.x, o.y)
i = 0
i, l[i] = 1, 'Z'; print(i, l)
d = {}
d['a'], d['b'] = d.get('a', 0) + 1, 5; print(d)
for tgt in ['a, b = 1, 2, 3', 'a, b, c = 1, 2', 'a, b = 1', 'a, *b, c = [1]', 'a, b = "abc"', '(a, b), c = 1, 2',
            'a, b = None', '*a, b, c, d = range(2)', 'a, b = iter([1])', 'a, b = {1: 2}']:
    try:
        exec(tgt)
        print(tgt, 'ok')
    except (ValueError, TypeError) as e:
        print(tgt, '->', type(e).__name__, e)
for src in ['*a = [1]', 'a, *b, *c = 1, 2, 3', '*a, *b = [1]']:
    try:
        compile(src, 's', 'exec')
        print('compiled', src)
    except SyntaxError as e:
        print('SyntaxError', src, e.msg)
for a, (b, *c) in [(1, 'xyz'), (2, [3])]:
    print(a, b, c)
for i, (k, v) in enumerate({'p': 1, 'q': 2}.items()):
    print(i, k, v)
print(*[1, 2], *'ab', *range(2), sep=',')
print([*range(3), *'ab'], (*[1], 2), {*'aa', *[1]} == {'a', 1}, {**{'a': 1}, 'b': 2, **{'a': 3}})
def f(*args, **kw):
    return args, kw
print(f(*[1, 2], 3, *(4,), x=1, **{'y': 2}, z=3, **{'w': 4}))
print(f(**{'a': 1}, **{'b': 2}), f(*''), f(*{1: 2}), f(**dict(a=1)))
try:
    f(**{'a': 1}, **{'a': 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(*1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**[1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**{1: 2})
except TypeError as e:
    print(type(e).__name__, e)
def h(a, b, c=3):
    return a, b, c
try:
    h(1, *[2], a=1)
except TypeError as e:
    print(type(e).__name__, e)
print(h(*[1, 2]), h(*(1,), **{'b': 5}), h(1, **{'c': 7, 'b': 6}))
first, *_, last = range(100); print(first, last, len(_))
x = [1, 2, 3]
a, *x[1:] = 'ABCD'; print(a, x)
head, *tail = [[]]; print(head, tail)
(*a,), b = 'xy', 'z'; print(a, b)
n = 0
for n, in [(1,), (2,)]:
    pass
print(n)
class Seq:
    def __getitem__(self, i):
        if i < 3: return i * 10
        raise IndexError
a, b, c = Seq(); print(a, b, c)
a, *b = Seq(); print(a, b)
def gen_count():
    for i in range(5):
        print('yield', i)
        yield i
try:
    a, b = gen_count()
except ValueError as e:
    print(type(e).__name__, e)
t = 1, 2, 3
print(t, (*t,), [*t, *t], t[:-1], len((*t, *t)))
s = 'ab'
print([*s], (*s,), {*s} == {'a', 'b'}, {**{c: c for c in s}})
