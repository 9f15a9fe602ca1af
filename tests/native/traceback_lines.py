# Tracebacks through native and viper code carry the line of the failing statement in every
# frame: at different points of one function, inside loops, in a generator, through chains of
# native calls and back through plain functions.
import micropython


def lines(e):
    out = []
    tb = e.__traceback__
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


def catch(f, *args):
    try:
        f(*args)
    except Exception as e:
        print(type(e).__name__, lines(e)[1:])


@micropython.native
def steps(which):
    a = [1, 2, 3]
    if which == 0:
        return a[5]
    b = {'k': 1}
    if which == 1:
        return b['missing']
    total = 0
    for i in range(10):
        total += i
        if which == 2 and i == 4:
            total = total // (i - 4)
    if which == 3:
        return None + total
    return total


for k in range(4):
    catch(steps, k)


@micropython.native
def leaf(x):
    return x.no_such_attribute


@micropython.native
def middle(x):
    y = x * 2
    return leaf(y) + 1


def plain(x):
    return middle(x)


@micropython.native
def top(x):
    z = plain(x)
    return z


catch(top, 3)


@micropython.native
def gen(n):
    for i in range(n):
        yield 10 // (2 - i)


catch(list, gen(5))


@micropython.viper
def vsum(n: int) -> int:
    s = 0
    for i in range(n):
        s += i * 2
    if s > 5:
        raise ValueError(s)
    return s


catch(vsum, 3)


@micropython.native
def reraise():
    try:
        int('x')
    except ValueError:
        raise KeyError('k')


catch(reraise)
