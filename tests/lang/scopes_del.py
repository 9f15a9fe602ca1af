# global/nonlocal edge cases, del statement (names, attributes, items, slices, unbound errors)
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump(); print(counter)
def make_global():
    global created_later
    created_later = 'made'
make_global(); print(created_later)
def read_then_global():
    global gv
    gv = 1
    def inner():
        return gv
    return inner()
print(read_then_global())
def nested_global():
    x = 'local'
    def inner():
        global x
        x = 'module x'
    inner()
    return x
print(nested_global(), x)
def nonlocal_chain():
    a = 0
    def l1():
        def l2():
            nonlocal a
            a += 10
        l2()
        return a
    return l1(), a
print(nonlocal_chain())
def nonlocal_shadow():
    v = 'outer'
    def mid():
        v = 'mid'
        def inner():
            nonlocal v
            v = 'inner set'
        inner()
        return v
    return mid(), v
print(nonlocal_shadow())
for src in ['def f():\n    nonlocal q', 'nonlocal q', 'def f(a):\n    global a', 'def f():\n    x = 1\n    global x',
            'def f():\n    def g():\n        nonlocal zz\n', 'global gg\ngg = 1', 'class K:\n    nonlocal y']:
    try:
        compile(src, '<s>', 'exec')
        print('compiled ok')
    except SyntaxError as e:
        print('SyntaxError:', e.msg)
class ClassScope:
    y = 1
    def method(self):
        try:
            return y
        except NameError as e:
            return str(e)
print(ClassScope().method())
def class_in_func():
    z = 'enclosing'
    class K:
        z = 'class attr'
        def m(self): return z
        w = z
    return K().m(), K.w
print(class_in_func())
def class_nonlocal_fallback():
    q = 'func q'
    class K:
        print_q = q
    return K.print_q
print(class_nonlocal_fallback())
def locals_class():
    n = 1
    class K:
        n = n + 1 if False else 5
    return K.n
print(locals_class())
# del
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
print(sorted(k for k in locals_class.__code__.co_varnames))
