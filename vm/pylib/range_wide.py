# Wide ranges' operations, in Python over ints.
def _index(x):
    if type(x) is int:
        return x
    return x.__index__()

def length(start, stop, step):
    if step > 0:
        return (stop - start + step - 1) // step if stop > start else 0
    return (start - stop - step - 1) // -step if start > stop else 0

def indices(n, sl):
    step = 1 if sl.step is None else _index(sl.step)
    if step == 0:
        raise ValueError('slice step cannot be zero')
    lower, upper = (-1, n - 1) if step < 0 else (0, n)
    def clamp(v, default):
        if v is None:
            return default
        v = _index(v)
        if v < 0:
            v += n
            return lower if v < lower else v
        return upper if v > upper else v
    start = clamp(sl.start, upper if step < 0 else lower)
    stop = clamp(sl.stop, lower if step < 0 else upper)
    return start, stop, step

def item(start, stop, step, i):
    n = length(start, stop, step)
    if i < 0:
        i += n
    if i < 0 or i >= n:
        raise IndexError('range object index out of range')
    return start + i * step

def sub(start, stop, step, sl):
    a, b, c = indices(length(start, stop, step), sl)
    return range(start + a * step, start + b * step, step * c)

def contains(start, stop, step, x):
    inside = start <= x < stop if step > 0 else stop < x <= start
    return inside and (x - start) % step == 0

def index(start, stop, step, x):
    if not contains(start, stop, step, x):
        raise ValueError(repr(x) + ' is not in range')
    return (x - start) // step

def iterate(start, stop, step):
    i = start
    if step > 0:
        while i < stop:
            yield i
            i += step
    else:
        while i > stop:
            yield i
            i += step

def reverse(start, stop, step):
    n = length(start, stop, step)
    return iterate(start + (n - 1) * step, start - step, -step)

def key(start, stop, step):
    n = length(start, stop, step)
    return (n, None if n == 0 else start, None if n < 2 else step)
