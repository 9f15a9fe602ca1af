//! `functools` (`reduce`, `partial`, `wraps`, `update_wrapper`, `cmp_to_key`, `total_ordering`,
//! `lru_cache`/`cache`) and `itertools` (CPython's iterator building blocks), written in Python:
//! the modules MicroPython installs from micropython-lib, here built in. The iterators are
//! generators, so their type names differ from CPython's; what they yield is the same.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

const FUNCTOOLS: &str = r#"
WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__')
WRAPPER_UPDATES = ('__dict__',)
_missing = object()

def reduce(function, iterable, *initial):
    if len(initial) > 1:
        raise TypeError('reduce expected at most 3 arguments, got %d' % (len(initial) + 2))
    it = iter(iterable)
    if initial:
        value = initial[0]
    else:
        value = next(it, _missing)
        if value is _missing:
            raise TypeError('reduce() of empty iterable with no initial value')
    for element in it:
        value = function(value, element)
    return value

class partial:
    def __new__(cls, func, *args, **keywords):
        if not callable(func):
            raise TypeError('the first argument must be callable')
        if isinstance(func, partial):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self = object.__new__(cls)
        self.func = func
        self.args = args
        self.keywords = keywords
        return self
    def __call__(self, *args, **keywords):
        return self.func(*self.args, *args, **{**self.keywords, **keywords})
    def __repr__(self):
        parts = [repr(self.func)] + [repr(a) for a in self.args]
        parts += ['%s=%r' % kv for kv in self.keywords.items()]
        return 'functools.partial(' + ', '.join(parts) + ')'

def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        try:
            getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
        except AttributeError:
            pass
    wrapper.__wrapped__ = wrapped
    return wrapper

def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)

def cmp_to_key(mycmp):
    class K:
        __slots__ = ('obj',)
        def __init__(self, obj):
            self.obj = obj
        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0
        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0
        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0
        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0
        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0
        __hash__ = None
    return K

def total_ordering(cls):
    roots = {op for op in ('__lt__', '__le__', '__gt__', '__ge__')
             if getattr(cls, op, None) is not getattr(object, op, None)}
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    derived = {
        '__lt__': {
            '__gt__': lambda self, other: _and_ne(_not(self.__lt__(other)), self != other),
            '__le__': lambda self, other: _or_eq(self.__lt__(other), self == other),
            '__ge__': lambda self, other: _not(self.__lt__(other)),
        },
        '__le__': {
            '__ge__': lambda self, other: _or_eq(_not(self.__le__(other)), self == other),
            '__lt__': lambda self, other: _and_ne(self.__le__(other), self != other),
            '__gt__': lambda self, other: _not(self.__le__(other)),
        },
        '__gt__': {
            '__lt__': lambda self, other: _and_ne(_not(self.__gt__(other)), self != other),
            '__ge__': lambda self, other: _or_eq(self.__gt__(other), self == other),
            '__le__': lambda self, other: _not(self.__gt__(other)),
        },
        '__ge__': {
            '__le__': lambda self, other: _or_eq(_not(self.__ge__(other)), self == other),
            '__gt__': lambda self, other: _and_ne(self.__ge__(other), self != other),
            '__lt__': lambda self, other: _not(self.__ge__(other)),
        },
    }
    # As CPython: the richest defined operation (by name order, __lt__ first) derives the rest.
    root = max(roots)
    for name, method in derived[root].items():
        if name not in roots:
            setattr(cls, name, method)
    return cls

def _not(r):
    return r if r is NotImplemented else not r

def _or_eq(r, eq):
    return r if r is NotImplemented else (r or eq)

def _and_ne(r, ne):
    return r if r is NotImplemented else (r and ne)

def lru_cache(maxsize=128, typed=False):
    if callable(maxsize) and not isinstance(maxsize, int):
        return lru_cache(128)(maxsize)
    def decorating(func):
        cache = {}
        order = []
        stats = [0, 0]
        def wrapper(*args, **kwargs):
            key = (args, tuple(sorted(kwargs.items())))
            if typed:
                key += (tuple(type(a) for a in args),)
            try:
                value = cache[key]
            except KeyError:
                stats[1] += 1
                value = func(*args, **kwargs)
                cache[key] = value
                if maxsize is not None:
                    order.append(key)
                    if len(order) > maxsize:
                        cache.pop(order.pop(0), None)
                return value
            stats[0] += 1
            if maxsize is not None and order and order[-1] != key:
                order.remove(key)
                order.append(key)
            return value
        def cache_info():
            return 'CacheInfo(hits=%d, misses=%d, maxsize=%r, currsize=%d)' % (
                stats[0], stats[1], maxsize, len(cache))
        def cache_clear():
            cache.clear()
            del order[:]
            stats[0] = stats[1] = 0
        wrapper.cache_info = cache_info
        wrapper.cache_clear = cache_clear
        return update_wrapper(wrapper, func)
    return decorating

def cache(func):
    return lru_cache(None)(func)
"#;

const ITERTOOLS: &str = r#"
def count(start=0, step=1):
    n = start
    while True:
        yield n
        n += step

def cycle(iterable):
    saved = []
    for element in iterable:
        yield element
        saved.append(element)
    while saved:
        for element in saved:
            yield element

def repeat(obj, times=None):
    if times is None:
        while True:
            yield obj
    else:
        for _ in range(times):
            yield obj

def accumulate(iterable, func=None, *, initial=None):
    it = iter(iterable)
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    for element in it:
        total = total + element if func is None else func(total, element)
        yield total

class chain:
    def __init__(self, *iterables):
        self._it = (x for it in iterables for x in it)
    def __iter__(self):
        return self
    def __next__(self):
        return next(self._it)
    @classmethod
    def from_iterable(cls, iterables):
        c = cls()
        c._it = (x for it in iterables for x in it)
        return c

def compress(data, selectors):
    return (d for d, s in zip(data, selectors) if s)

def dropwhile(predicate, iterable):
    it = iter(iterable)
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x

def takewhile(predicate, iterable):
    for x in iterable:
        if predicate(x):
            yield x
        else:
            break

def filterfalse(predicate, iterable):
    if predicate is None:
        predicate = bool
    for x in iterable:
        if not predicate(x):
            yield x

def groupby(iterable, key=None):
    keyfunc = (lambda v: v) if key is None else key
    it = iter(iterable)
    sentinel = object()
    current = [sentinel, sentinel]
    def group(k):
        while True:
            yield current[1]
            try:
                current[1] = next(it)
            except StopIteration:
                current[0] = sentinel
                return
            current[0] = keyfunc(current[1])
            if current[0] != k:
                return
    try:
        current[1] = next(it)
    except StopIteration:
        return
    current[0] = keyfunc(current[1])
    while current[0] is not sentinel:
        k = current[0]
        yield k, group(k)
        while current[0] is not sentinel and current[0] == k:
            try:
                current[1] = next(it)
            except StopIteration:
                current[0] = sentinel
                break
            current[0] = keyfunc(current[1])

def islice(iterable, *args):
    s = slice(*args)
    start, stop, step = s.start or 0, s.stop, 1 if s.step is None else s.step
    for name, v in (('Indices', start), ('Stop argument', stop)):
        if v is not None and (not isinstance(v, int) or v < 0):
            raise ValueError(name + ' for islice() must be None or an integer: 0 <= x <= sys.maxsize.')
    if not isinstance(step, int) or step <= 0:
        raise ValueError('Step for islice() must be a positive integer or None.')
    it = iter(iterable)
    i = 0
    nexti = start
    for element in it:
        if stop is not None and i >= stop:
            return
        if i == nexti:
            yield element
            nexti += step
        i += 1

def starmap(function, iterable):
    for args in iterable:
        yield function(*args)

def tee(iterable, n=2):
    it = iter(iterable)
    buffers = [[] for _ in range(n)]
    def gen(mine):
        while True:
            if not mine:
                try:
                    value = next(it)
                except StopIteration:
                    return
                for b in buffers:
                    b.append(value)
            yield mine.pop(0)
    return tuple(gen(b) for b in buffers)

def zip_longest(*iterables, fillvalue=None):
    iterators = [iter(it) for it in iterables]
    active = len(iterators)
    if not active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            try:
                values.append(next(it))
            except StopIteration:
                active -= 1
                if not active:
                    return
                iterators[i] = repeat(fillvalue)
                values.append(fillvalue)
        yield tuple(values)

def pairwise(iterable):
    it = iter(iterable)
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield a, b
        a = b

def product(*iterables, repeat=1):
    pools = [tuple(p) for p in iterables] * repeat
    result = [()]
    for pool in pools:
        result = [x + (y,) for x in result for y in pool]
    for prod in result:
        yield prod

def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return

def combinations(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)

def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)
"#;

/// Build the `functools` module.
pub fn create_functools(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("functools")?;
    super::collections::run_source(vm, m, FUNCTOOLS, "<functools>")?;
    Ok(m)
}

/// Build the `itertools` module.
pub fn create_itertools(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("itertools")?;
    super::collections::run_source(vm, m, ITERTOOLS, "<itertools>")?;
    Ok(m)
}
