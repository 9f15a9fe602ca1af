# del statement: names, attributes, items, slices, unbound errors
a = 1
del a
try:
    a
except NameError as e:
    print(type(e).__name__, e)
try:
    del a
except NameError as e:
    print(type(e).__name__, e)
def del_local():
    b = 1
    del b
    try:
        return b
    except UnboundLocalError as e:
        return type(e).__name__ + ': ' + str(e)
print(del_local())
def del_unbound():
    try:
        del c
    except UnboundLocalError as e:
        return type(e).__name__ + ': ' + str(e)
    c = 1
print(del_unbound())
def del_nonlocal():
    d = 1
    def inner():
        nonlocal d
        del d
    inner()
    try:
        return d
    except NameError as e:
        return type(e).__name__ + ': ' + str(e)
print(del_nonlocal())
class Obj: pass
o = Obj(); o.x = 1; o.y = 2
del o.x
print(vars(o))
try:
    del o.x
except AttributeError as e:
    print(type(e).__name__, e)
l = list(range(10))
del l[0]; del l[-1]; del l[2:4]; del l[::2]
print(l)
try:
    del l[10]
except IndexError as e:
    print(type(e).__name__, e)
d = {'a': 1, 'b': 2, (1, 2): 3}
del d['a'], d[1, 2]
print(d)
try:
    del d['zz']
except KeyError as e:
    print(type(e).__name__, e)
p, q, r = 1, 2, [3, 4]
del p, q, r[0]
print(r, 'p' in globals(), 'q' in dir())
(s1, s2) = 1, 2
del (s1, s2)
print('s1' in globals())
[t1, t2] = 3, 4
del [t1, t2]
print('t2' in globals())
t = (1, 2)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    del 'abc'[0]
except TypeError as e:
    print(type(e).__name__, e)
class NoDel:
    def __getitem__(self, i): return i
try:
    del NoDel()[0]
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
for src in ['del 1', 'del f()', 'del a + b', 'del (a, 1)', 'del *a', 'del']:
    try:
        compile(src, '<s>', 'exec')
        print('compiled ok', src)
    except SyntaxError as e:
        print('SyntaxError:', e.msg)
def del_in_loop():
    out = []
    for i in range(3):
        v = i
        out.append(v)
        del v
    return out
print(del_in_loop())
g1 = 'x'
def del_global():
    global g1
    del g1
del_global()
print('g1' in globals())
def del_builtin_shadow():
    global len
    len = lambda s: -1
    r = len('abc')
    del len
    return r, len('abc')
print(del_builtin_shadow())
import builtins
print(builtins.len('ab'), 'len' in globals())
def free_var_after_del():
    v = 1
    def get(): return v
    del v
    try:
        return get()
    except NameError as e:
        return type(e).__name__ + ': ' + str(e)
print(free_var_after_del())
def loop_var_leak():
    for k in range(3): pass
    return k
print(loop_var_leak())
def augassign_unbound():
    try:
        undefined_aug += 1
    except UnboundLocalError as e:
        return str(e)
print(augassign_unbound())
try:
    exec('never_defined += 1')
except NameError as e:
    print(type(e).__name__, e)
print(sorted(del_local.__code__.co_varnames), sorted(del_unbound.__code__.co_varnames))
