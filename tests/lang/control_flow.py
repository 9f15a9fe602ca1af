# Control flow: loops with else, break/continue in try/finally, return in finally
for i in range(3):
    pass
else:
    print('for-else ran', i)
for i in range(3):
    if i == 1: break
else:
    print('not printed')
print('broke at', i)
for i in []:
    pass
else:
    print('empty for-else')
n = 0
while n < 3:
    n += 1
else:
    print('while-else', n)
while True:
    n -= 1
    if n == 0: break
else:
    print('not printed')
print('n', n)
for i in range(5):
    try:
        if i == 1: continue
        if i == 3: break
        print('body', i)
    finally:
        print('finally', i)
else:
    print('no')
def f1():
    try:
        return 'try'
    finally:
        print('f1 finally')
def f2():
    try:
        return 'try'
    finally:
        return 'finally'
def f3():
    try:
        raise ValueError('x')
    finally:
        return 'swallowed'
def f4():
    for i in range(3):
        try:
            return i
        finally:
            if i < 2:
                continue
    return 'end'
def f5():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return 'after break', i
def f6():
    x = []
    try:
        x.append(1)
        return x
    finally:
        x.append(2)
for fn in (f1, f2, f3, f4, f5, f6):
    try:
        print(fn())
    except Exception as e:
        print(fn.__name__, type(e).__name__, e)
# compiled at run time so a compiler rejection shows up as one failing line
F7 = """
def f7():
    i = 0
    while i < 5:
        i += 1
        try:
            try:
                if i % 2: continue
                print('even', i)
            finally:
                print('inner', i)
        finally:
            print('outer', i)
            if i == 4: break
    return i
"""
try:
    exec(F7)
except SyntaxError as e:
    print('SyntaxError', e.msg)
    f7 = lambda: 'f7 not compiled'
print(f7())
for i in range(3):
    for j in range(3):
        if j == i: continue
        if j > i: break
        print('pair', i, j)
    else:
        print('inner else', i)
# break out of nested with flag / exceptions
class Found(Exception): pass
try:
    for i in range(10):
        for j in range(10):
            if i * j == 12: raise Found((i, j))
except Found as e:
    print('found', e.args[0])
def g():
    for x in range(3):
        try:
            yield x
        finally:
            print('gen finally', x)
gi = g()
for v in gi:
    if v == 1: break
print('after gen loop')
gi.close()
print('closed')
x = 0
while x < 10:
    x += 1
    if x % 2: continue
    if x > 6: break
    print('x', x)
print(x)
# if/elif chains and truthiness
for v in [0, 1, -1, '', 'a', [], [0], None, 0.0, 1j, {}, set(), range(0), range(1)]:
    if v: r = 'T'
    elif v is None: r = 'N'
    else: r = 'F'
    print(r, end='')
print()
def nested_finally():
    out = []
    try:
        try:
            out.append('a')
            return out
        finally:
            out.append('b')
    finally:
        out.append('c')
print(nested_finally())
def ret_in_loop_finally():
    for i in range(3):
        try:
            pass
        finally:
            if i == 1:
                return 'ret', i
print(ret_in_loop_finally())
def exc_in_else():
    try:
        pass
    except Exception:
        return 'except'
    else:
        return 'else'
    finally:
        print('fin')
print(exc_in_else())
i = 10
for i in range(i):
    i = 100
print(i)
for i in range(3):
    del i
print('deleted loop var ok')
lst = [1, 2, 3]
for x in lst:
    if x == 1: lst.append(4)
    print('iter', x)
count = 0
while count := count + 1:
    if count > 3: break
print('walrus', count)
print([y for x in range(5) if (y := x * x) > 4])
match_like = {1: 'one', 2: 'two'}
for k in (1, 3):
    print(match_like.get(k, 'other'))
