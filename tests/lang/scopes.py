# global/nonlocal edge cases and class-body scoping
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
