# Evaluation order: assignments, augmented assignment, calls, dict displays, comparisons
log = []
def f(n, v=None):
    log.append(n)
    return n if v is None else v
d = {}
d[f(1)] = f(2)
print(log); log.clear()
x = {f(3): f(4), f(5): f(6)}
print(log); log.clear()
lst = [f('a', [0, 0]), f('b', [0, 0])]
f(1, [0, 0])[0], f(2, [0, 0])[1] = f(3, (7, 8))
print(log); log.clear()
def two(a, b): return a, b
two(b=f('kw b'), a=f('kw a'))
two(*[f('star')], **{'b': f('dstar')})
print(log); log.clear()
print(f(1) < f(2) < f(0) < f(9), log); log.clear()
print(f(0) or f(0) or f(3) or f(4), log); log.clear()
print(f(1) and f(0) and f(5), log); log.clear()
print(f('x') if f(0) else f('y'), log); log.clear()
print(f(2) ** f(3) ** f(2), log); log.clear()
print(f(10) - f(3) - f(2), f(1) + f(2) * f(3), log); log.clear()
class L:
    def __getitem__(s, k): log.append(('get', k)); return 0
    def __setitem__(s, k, v): log.append(('set', k, v))
    def __delitem__(s, k): log.append(('del', k))
o = L()
o[f('idx')] += f('rhs', 2)
print(log); log.clear()
o[f('i1')], o[f('i2')] = f('r1'), f('r2')
print(log); log.clear()
del o[f('d1')], o[f('d2')]
print(log); log.clear()
class A:
    def __getattr__(s, n): log.append(('getattr', n)); return 1
    def __setattr__(s, n, v): log.append(('setattr', n, v))
a = A()
a.x += 5
a.y = a.z = f('chain')
print(log); log.clear()
t = ([],)
try:
    t[0] += [1]
except TypeError as e:
    print(type(e).__name__, e, t)
arr = [1, 2, 3]
i = 0
arr[i], i = 10, 2
print(arr, i)
arr[i], i = i, 0
print(arr, i)
class C:
    v = []
c = C()
c.v += [3]
print(C.v, c.__dict__)
x = [1, 2, 3]
x[1:2] += [9]
print(x)
def g():
    log.append('g')
    return lambda *a: log.append(('called', a))
g()(f('arg1'), f('arg2'))
print(log); log.clear()
[f(i) for i in range(3) if f(i * 10) is not None]
print(log); log.clear()
{f('k'): f('v') for _ in range(1)}
print(log); log.clear()
print(f'{f("a")}{f("b")}', log); log.clear()
print(f('s1')[f(0):f(1)], log); log.clear() if False else None
log.clear()
result = f('outer', [f('inner1'), f('inner2')])
print(result, log); log.clear()
class Meta(type):
    def __prepare__(name, bases):
        log.append('prepare')
        return {}
class K(f('base', object), metaclass=Meta):
    log.append('body')
print(log); log.clear()
def deco(tag):
    log.append(('deco made', tag))
    def d(fn):
        log.append(('deco applied', tag))
        return fn
    return d
@deco(1)
@deco(2)
def decorated(a=f('default')): pass
print(log); log.clear()
