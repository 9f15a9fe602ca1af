# Generators: send/throw/close, yield from with return values, genexp scoping, manual islice
def echo():
    received = []
    try:
        while True:
            x = yield len(received)
            if x is None: break
            received.append(x)
    finally:
        print('echo cleanup', received)
    return received
g = echo()
print(next(g), g.send('a'), g.send('b'))
try:
    g.send(None)
except StopIteration as e:
    print('stop value', e.value, e.args)
g = echo()
try:
    g.send('x')
except TypeError as e:
    print(type(e).__name__, e)
print(next(g), g.send(1))
g.close(); g.close(); print('closed twice ok')
try:
    next(g)
except StopIteration as e:
    print('StopIteration after close', e.value)
def catcher():
    while True:
        try:
            yield 'ready'
        except ValueError as e:
            print('caught in gen', e)
            yield 'handled'
c = catcher()
print(next(c), c.throw(ValueError('boom')), next(c))
try:
    c.throw(KeyError('unhandled'))
except KeyError as e:
    print('propagated', repr(e))
try:
    next(c)
except StopIteration:
    print('dead after throw')
c2 = catcher()
try:
    c2.throw(ValueError('before start'))
except ValueError as e:
    print('throw before start', e)
def ignore_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2
ie = ignore_exit(); next(ie)
try:
    ie.close()
except RuntimeError as e:
    print(type(e).__name__, e)
def ret_on_exit():
    try:
        yield 1
    except GeneratorExit:
        print('GeneratorExit seen')
        return 'ignored'
r = ret_on_exit(); next(r); print(r.close())
def inner():
    x = yield 'i1'
    print('inner got', x)
    y = yield 'i2'
    print('inner got', y)
    return 'inner result'
def outer():
    res = yield from inner()
    print('outer got result', res)
    yield 'o1'
    return 'outer done'
o = outer()
print(next(o), o.send('A'), o.send('B'))
try:
    next(o)
except StopIteration as e:
    print('final', e.value)
def delegate_throw():
    try:
        yield from catcher()
    finally:
        print('delegate finally')
d = delegate_throw()
print(next(d), d.throw(ValueError('via delegate')), next(d))
d.close()
def yf_iterables():
    yield from [1, 2]
    yield from 'ab'
    yield from range(3, 5)
    r = yield from iter([])
    yield r
print(list(yf_iterables()))
def counter(start=0):
    while True:
        yield start
        start += 1
def take(n, it):
    it = iter(it)
    out = []
    for _ in range(n):
        try:
            out.append(next(it))
        except StopIteration:
            break
    return out
def islice_like(it, start, stop, step=1):
    for i, v in enumerate(it):
        if i >= stop: return
        if i >= start and (i - start) % step == 0:
            yield v
print(take(5, counter()), list(islice_like(counter(10), 2, 12, 3)), take(3, (x * x for x in counter())))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
print(take(15, fib())[-3:], next(x for x in fib() if x > 1000))
x = 10
ge = (x * i for i in range(3))
x = 20
print(list(ge))
ys = [1, 2, 3]
ge = (y for y in ys)
ys = [9]
print(list(ge))
try:
    exec('(a for a in undefined_iterable)')
except NameError as e:
    print(type(e).__name__, e)
lazy = (1 / z for z in [1, 0])
print(next(lazy))
try:
    next(lazy)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(next(lazy, 'exhausted'))
gen = (i for i in range(3))
print(gen.__name__ if hasattr(gen, '__name__') else '?', type(gen).__name__, iter(gen) is gen, list(gen), list(gen))
def running():
    yield g_self.gi_running
g_self = running()
print(g_self.gi_running, next(g_self))
def reenter():
    yield next(me)
me = reenter()
try:
    next(me)
except ValueError as e:
    print(type(e).__name__, e)
def gen_with_return():
    yield 1
    return 'rv'
print(list(gen_with_return()), [v for v in gen_with_return()])
def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        print('gen finally runs')
gf = gen_finally(); print(next(gf)); gf.close()
def gen_send_expr():
    total = 0
    while True:
        v = yield total
        total += v
acc = gen_send_expr(); next(acc)
print([acc.send(i) for i in range(1, 5)])
def stop_in_gen():
    yield 1
    next(iter([]))
try:
    print(list(stop_in_gen()))
except RuntimeError as e:
    print(type(e).__name__, e)
print(sum(i for i in range(101)), max((len(w), w) for w in ['aa', 'b', 'ccc']), sorted(c for c in 'cba'), any(x > 2 for x in [1, 3]))
print(dict((k, v) for k, v in [('a', 1)]), set(x % 3 for x in range(10)), tuple(x for x in 'ab'), ''.join(str(i) for i in range(5)))
def nested_gen():
    for i in range(3):
        yield (j for j in range(i))
print([list(g) for g in nested_gen()])
def g_throw_type():
    yield 1
gt = g_throw_type(); next(gt)
try:
    gt.throw(ValueError, 'msg as value')
except ValueError as e:
    print(type(e).__name__, e)
print(hasattr(gt, 'gi_frame'), gt.gi_code.co_name if hasattr(gt, 'gi_code') else 'no gi_code')
def yield_in_expr():
    x = [(yield 1), (yield 2)]
    yield x
ye = yield_in_expr()
print(next(ye), ye.send('a'), ye.send('b'))
