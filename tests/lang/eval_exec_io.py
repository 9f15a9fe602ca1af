# eval/exec with globals/locals, print to replaced sys.stdout, recursion limits, cyclic reprs
import sys, io
g = {'a': 1}
l = {'b': 2}
print(eval('a + b', g, l), eval('a', g), sorted(k for k in g if k != '__builtins__'), '__builtins__' in g)
exec('c = a + b', g, l)
print(l['c'], 'c' in g)
exec('def f(): return a * 10', g)
print(g['f']())
ns = {}
exec('x = 5\ny = x * 2\ndef h(): return x + y', ns)
print(ns['x'], ns['y'], ns['h']())
exec('import math\nr = math.sqrt(16)', ns)
print(ns['r'])
print(eval('[i * i for i in range(n)]', {'n': 4}), eval('lambda: q', {'q': 'Q'})())
code = compile('v * 3', '<expr>', 'eval')
print(eval(code, {'v': 7}), type(code).__name__, code.co_filename)
code2 = compile('out.append(len(s))', '<exec>', 'exec')
out = []
exec(code2, {'out': out, 's': 'four'})
print(out)
single = compile('1 + 1', '<s>', 'single')
exec(single)
def exec_in_func():
    loc = {}
    exec('z = 42', globals(), loc)
    return loc['z']
print(exec_in_func())
def eval_sees_locals():
    k = 'local k'
    return eval('k'), eval('k + suffix', {'suffix': '!'}, {'k': 'explicit'})
print(eval_sees_locals())
print(eval('__name__'), eval('__name__', {'__name__': 'custom'}), eval('len("abc")', {}))
try:
    eval('len("x")', {'__builtins__': {}})
except NameError as e:
    print(type(e).__name__, e)
print(eval('len("xyz")', {'__builtins__': {'len': lambda s: 'fake'}}))
class Mapping:
    def __getitem__(self, k):
        if k == 'magic': return 99
        raise KeyError(k)
print(eval('magic + 1', {}, Mapping()))
try:
    eval('missing', {}, Mapping())
except NameError as e:
    print(type(e).__name__, e)
print(exec('1'), eval('None'), eval('(1,\n2)'), eval('\n\n3\n'))
for src, mode in [('x =', 'exec'), ('1 1', 'eval'), ('x = 1', 'eval'), ('if True:\nprint(1)', 'exec'), ('  1', 'exec')]:
    try:
        compile(src, '<t>', mode)
        print('ok')
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno)
try:
    compile('1', '<t>', 'bogus')
except ValueError as e:
    print(type(e).__name__, e)
# print with replaced sys.stdout
saved = sys.stdout
buf = io.StringIO()
sys.stdout = buf
print('captured', 1, 2)
print('second', end='')
sys.stdout = saved
print('restored', repr(buf.getvalue()))
class Tee:
    def __init__(self): self.data = []
    def write(self, s): self.data.append(s); return len(s)
    def flush(self): pass
t = Tee()
sys.stdout = t
print('tee')
sys.stdout.write('direct\n')
sys.stdout = sys.__stdout__
print(''.join(t.data).split('\n'))
sys.stderr.write('')
# recursion limit
def deep(n):
    return deep(n + 1)
try:
    deep(0)
except RecursionError as e:
    print(type(e).__name__, isinstance(e, RuntimeError), 'maximum recursion depth exceeded' in str(e))
def count_depth(n=0):
    try:
        return count_depth(n + 1)
    except RecursionError:
        return n
print(count_depth() > 50)
print('still works after recursion', sum(range(10)))
class RecRepr:
    def __repr__(self): return repr(self)
try:
    repr(RecRepr())
except RecursionError as e:
    print(type(e).__name__)
def mutual_a(n): return mutual_b(n)
def mutual_b(n): return mutual_a(n)
try:
    mutual_a(0)
except RecursionError:
    print('mutual recursion caught')
try:
    deep_list = []
    # 5000 levels: under GC stress (a collection per allocation) marking grows with the depth
    # squared; recursion.py nests deeper outside stress mode.
    for _ in range(5000):
        deep_list = [deep_list]
    print('built nested list')
except RecursionError:
    print('unexpected')
print(sys.getrecursionlimit() > 0)
# cyclic structures
l = [1]
l.append(l)
print(l, repr(l), str(l))
d = {'k': 1}
d['self'] = d
print(d)
a = [1]; b = [a]; a.append(b)
print(a, b)
dl = {'list': []}
dl['list'].append(dl)
print(dl)
t = ([],)
t[0].append(t)
print(t)
class Node:
    def __init__(self): self.children = []
    def __repr__(self): return f'Node({self.children})'
n = Node(); n.children.append(n)
try:
    print(n)
except RecursionError:
    print('Node repr RecursionError')
print(l == l, d == d, len(l), l[1][1][1][0])
s = set(); ls = [s]
print(ls, [ls, ls], {1: [ls]})
