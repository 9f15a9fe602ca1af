# The parts of `functools` written in Python (run into the module's namespace when it is made).
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
