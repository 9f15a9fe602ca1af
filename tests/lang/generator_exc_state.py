# A generator suspended inside an `except` block keeps the exception it handles to itself:
# its caller's sys.exc_info(), implicit __context__ and bare `raise` are unaffected, and when
# resumed (by the same or another caller) the generator sees its own exception again, then its
# current caller's once its handler ends.
import sys


def name(e):
    return None if e is None else type(e).__name__


def gen():
    try:
        raise ValueError('gen')
    except ValueError:
        yield 'in handler: ' + str(name(sys.exc_info()[1]))
        yield 'resumed: ' + str(name(sys.exc_info()[1]))
    yield 'after handler: ' + str(name(sys.exc_info()[1]))


it = gen()
print(next(it), '| caller:', name(sys.exc_info()[1]))
try:
    raise KeyError('caller')
except KeyError:
    print(next(it), '| caller:', name(sys.exc_info()[1]))
    print(next(it), '| caller:', name(sys.exc_info()[1]))
print('top level:', name(sys.exc_info()[1]))

it = gen()
next(it)
try:
    raise IndexError('new')
except IndexError as e:
    print('context:', repr(e.__context__))
try:
    raise
except RuntimeError as e:
    print('RuntimeError', e)


def reraiser():
    try:
        raise ValueError('own')
    except ValueError:
        yield 1
        raise


r = reraiser()
next(r)
try:
    raise KeyError('outer')
except KeyError:
    try:
        next(r)
    except Exception as e:
        print('reraised', repr(e), 'context', repr(e.__context__))


def chained():
    try:
        raise ValueError('first')
    except ValueError:
        yield
        raise TypeError('second')


c = chained()
next(c)
try:
    next(c)
except TypeError as e:
    print('chain', repr(e), repr(e.__context__))


def nested_gens():
    inner = gen()
    try:
        raise OSError('middle')
    except OSError:
        yield next(inner)
        yield name(sys.exc_info()[1])
    yield next(inner)


n = nested_gens()
print(list(n))


def thrower():
    while True:
        try:
            yield
        except ZeroDivisionError:
            yield 'caught ' + str(name(sys.exc_info()[1]))


t = thrower()
next(t)
print(t.throw(ZeroDivisionError), name(sys.exc_info()[1]))
next(t)
print(name(sys.exc_info()[1]))


async def coro():
    try:
        raise ValueError('coro')
    except ValueError:
        await Awaitable()
        return name(sys.exc_info()[1])


class Awaitable:
    def __await__(self):
        yield 'suspended'


co = coro()
print(co.send(None), name(sys.exc_info()[1]))
try:
    co.send(None)
except StopIteration as e:
    print('coroutine returned', e.value)
