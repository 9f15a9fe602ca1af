# throw() and close() on generators, alone and delegating through `yield from`.

def catcher(label):
    try:
        yield 'first'
    except Exception as e:
        print(label, 'caught', type(e).__name__, e.args)
    yield 'after'

# The three-argument form: a class with an instance, a class with a value, a class with args.
for args in [(ValueError, ValueError('inst')), (KeyError, 'v'), (OSError, (2, 'nope'))]:
    g = catcher('plain')
    next(g)
    print(g.throw(*args))

# An instance with a separate value is refused; a non-exception is refused.
for bad in [(ValueError('x'), 1), (42,), ('text',)]:
    g = catcher('unused')
    next(g)
    try:
        g.throw(*bad)
    except TypeError as e:
        print('TypeError:', e)

# A delegate with its own throw() receives the arguments unchanged, even a non-exception.
class Delegate:
    def __iter__(self):
        return self
    def __next__(self):
        return 'tick'
    def throw(self, *args):
        print('delegate.throw got', args)
        return 'thrown back'
    def close(self):
        print('delegate.close')

def outer():
    try:
        r = yield from Delegate()
        print('delegate returned', r)
    except GeneratorExit:
        print('outer saw GeneratorExit')
        raise

g = outer()
print(next(g))
print(g.throw(123))
print(g.throw(ZeroDivisionError, 'zd'))
g.close()

# A delegate without throw(): the exception is raised in the delegating generator.
class NoThrow:
    def __iter__(self):
        return self
    def __next__(self):
        return 1

def outer2():
    try:
        yield from NoThrow()
    except ValueError as e:
        print('outer2 caught', e)
        yield 'recovered'

g = outer2()
next(g)
print(g.throw(ValueError('v')))

# Throwing GeneratorExit closes the inner generator and is raised in the outer one, even when
# the inner one swallows it.
def inner():
    try:
        yield 'in'
    except GeneratorExit:
        print('inner swallowed GeneratorExit')

def outer3():
    try:
        yield from inner()
    except GeneratorExit:
        print('outer3 got GeneratorExit')
    yield 'outer3 continues'

g = outer3()
next(g)
print(g.throw(GeneratorExit))

# close() of a delegating generator closes the delegate first.
def inner2():
    try:
        yield 1
    finally:
        print('inner2 finally')

def outer4():
    try:
        yield from inner2()
    finally:
        print('outer4 finally')

g = outer4()
next(g)
g.close()

# A delegate that returns from throw() hands its value to the yield from.
def returns_on_throw():
    try:
        yield 1
    except KeyError:
        return 'returned value'

def outer5():
    v = yield from returns_on_throw()
    yield ('got', v)

g = outer5()
next(g)
print(g.throw(KeyError))

# Ignoring GeneratorExit in close() is a RuntimeError.
def stubborn():
    while True:
        try:
            yield
        except GeneratorExit:
            if give_up:
                raise

give_up = False
g = stubborn()
next(g)
try:
    g.close()
except RuntimeError as e:
    print('RuntimeError:', e)
give_up = True
g.close()
print('closed at last')

# A StopIteration subclass from a delegate's __next__ carries the value of the yield from.
class MyStop(StopIteration):
    pass

class StopsWithValue:
    def __iter__(self):
        return self
    def __next__(self):
        raise MyStop('payload')

def takes_value():
    got = yield from StopsWithValue()
    return got

try:
    next(takes_value())
except StopIteration as e:
    print('returned', e.value)

# An exception class whose __new__ returns something else cannot be thrown or raised.
class NotReally(Exception):
    def __new__(cls, *args):
        return 42

for how in ['raise', 'throw']:
    try:
        if how == 'raise':
            raise NotReally
        g = catcher('unused')
        next(g)
        g.throw(NotReally)
    except TypeError as e:
        print(how, 'TypeError', e)
