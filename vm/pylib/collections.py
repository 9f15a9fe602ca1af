# The parts of `collections` written in Python (run into the module's namespace when it is
# created): `namedtuple` (class source built and executed per call, as CPython once did),
# `OrderedDict`, `defaultdict` and `Counter` (dict subclasses).
_KEYWORDS = frozenset(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await',
    'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for',
    'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass',
    'raise', 'return', 'try', 'while', 'with', 'yield'])

_repr_running = set()


class _tuplegetter:
    def __init__(self, index, doc):
        self._index = index
        self.__doc__ = doc

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return instance[self._index]

    def __set__(self, instance, value):
        raise AttributeError("can't set attribute")

    def __delete__(self, instance):
        raise AttributeError("can't delete attribute")

    def __repr__(self):
        return f'_tuplegetter({self._index}, {self.__doc__!r})'

_tuplegetter.__module__ = '_collections'


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = list(map(str, field_names))
    typename = str(typename)

    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier()
                    or name in _KEYWORDS
                    or name.startswith('_')
                    or name in seen):
                field_names[index] = f'_{index}'
            seen.add(name)

    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid '
                             f'identifiers: {name!r}')
        if name in _KEYWORDS:
            raise ValueError('Type names and field names cannot be a '
                             f'keyword: {name!r}')

    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: '
                             f'{name!r}')
        if name in seen:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        seen.add(name)

    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError('Got more default values than field names')
        field_defaults = dict(reversed(list(zip(reversed(field_names),
                                                reversed(defaults)))))

    field_names = tuple(field_names)
    num_fields = len(field_names)
    arg_list = ', '.join(field_names)
    if num_fields == 1:
        arg_list += ','
    repr_fmt = '(' + ', '.join(f'{name}=%r' for name in field_names) + ')'
    params = list(field_names)
    if defaults:
        first = num_fields - len(defaults)
        for i in range(len(defaults)):
            params[first + i] += f'=_defaults[{i}]'
    if module is None:
        module = '__main__'
    namespace = {
        '__name__': module,
        '_tuple': tuple,
        '_tuple_new': tuple.__new__,
        '_field_names': field_names,
        '_field_defaults': field_defaults,
        '_num_fields': num_fields,
        '_repr_fmt': repr_fmt,
        '_defaults': defaults,
        '_doc': f'{typename}({arg_list})',
        '_new_doc': f'Create new instance of {typename}({arg_list})',
    }
    source = (
        f'class {typename}(_tuple):\n'
        f'    __doc__ = _doc\n'
        f'    __slots__ = ()\n'
        f'    _fields = _field_names\n'
        f'    _field_defaults = _field_defaults\n'
        f'    __match_args__ = _field_names\n'
        f'    def __new__(_cls, {", ".join(params)}):\n'
        f'        return _tuple_new(_cls, ({arg_list}))\n'
        f'    @classmethod\n'
        f'    def _make(cls, iterable):\n'
        f'        result = _tuple_new(cls, iterable)\n'
        f'        if len(result) != _num_fields:\n'
        f"            raise TypeError(f'Expected {{_num_fields}} arguments, got {{len(result)}}')\n"
        f'        return result\n'
        f'    def _replace(self, /, **kwds):\n'
        f'        result = self._make(map(kwds.pop, _field_names, self))\n'
        f'        if kwds:\n'
        f"            raise ValueError(f'Got unexpected field names: {{list(kwds)!r}}')\n"
        f'        return result\n'
        f'    def __repr__(self):\n'
        f'        return self.__class__.__name__ + _repr_fmt % _tuple(self)\n'
        f'    def _asdict(self):\n'
        f'        return dict(zip(self._fields, self))\n'
        f'    def __getnewargs__(self):\n'
        f'        return _tuple(self)\n'
        f'    def __hash__(self):\n'
        f'        return hash(_tuple(self))\n'
    )
    exec(source, namespace)
    result = namespace[typename]
    for index, name in enumerate(field_names):
        setattr(result, name, _tuplegetter(index, f'Alias for field number {index}'))
    return result


def _recursive_repr(self, make):
    key = id(self)
    if key in _repr_running:
        return '...'
    _repr_running.add(key)
    try:
        return make()
    finally:
        _repr_running.discard(key)


def _update(self, other, kwds):
    if isinstance(other, dict):
        for key in other:
            self[key] = other[key]
    elif hasattr(other, 'keys'):
        for key in other.keys():
            self[key] = other[key]
    else:
        for pair in other:
            pair = tuple(pair)
            if len(pair) != 2:
                if len(pair) > 2:
                    raise ValueError('too many values to unpack (expected 2)')
                n = len(pair)
                raise ValueError(f"need more than {n} value{'' if n == 1 else 's'} to unpack")
            self[pair[0]] = pair[1]
    for key, value in kwds.items():
        self[key] = value


class OrderedDict(dict):
    'Dictionary that remembers insertion order'
    def __class_getitem__(cls, item):
        return cls


    def __init__(self, other=(), /, **kwds):
        _update(self, other, kwds)

    def update(self, other=(), /, **kwds):
        _update(self, other, kwds)

    def __reversed__(self):
        keys = list(dict.keys(self))
        i = len(keys)
        while i > 0:
            i -= 1
            yield keys[i]

    def move_to_end(self, key, last=True):
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
        else:
            rest = list(dict.items(self))
            dict.clear(self)
            dict.__setitem__(self, key, value)
            for k, v in rest:
                dict.__setitem__(self, k, v)

    def popitem(self, last=True):
        if not self:
            raise KeyError('dictionary is empty')
        if last:
            key = list(dict.keys(self))[-1]
        else:
            key = next(iter(dict.keys(self)))
        value = dict.pop(self, key)
        return key, value

    def setdefault(self, key, default=None):
        if key in self:
            return self[key]
        self[key] = default
        return default

    _marker = object()

    def pop(self, key, default=_marker):
        if key in self:
            return dict.pop(self, key)
        if default is OrderedDict._marker:
            raise KeyError(key)
        return default

    def __repr__(self):
        if not self:
            return '%s()' % (self.__class__.__name__,)
        return _recursive_repr(self, lambda: '%s(%r)' % (self.__class__.__name__, list(self.items())))

    def __reduce__(self):
        return self.__class__, (list(self.items()),)

    def copy(self):
        return self.__class__(self)

    __copy__ = copy

    @classmethod
    def fromkeys(cls, iterable, value=None):
        self = cls()
        for key in iterable:
            self[key] = value
        return self

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and list(self) == list(other)
        return dict.__eq__(self, other)

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    __hash__ = None

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.__class__(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.__class__(other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


class defaultdict(dict):
    def __class_getitem__(cls, item):
        return cls

    def __init__(self, default_factory=None, /, *args, **kwds):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        dict.__init__(self, *args, **kwds)
        self.default_factory = default_factory

    def __missing__(self, key):
        factory = self.default_factory
        if factory is None:
            raise KeyError(key)
        self[key] = value = factory()
        return value

    def __repr__(self):
        factory = self.default_factory
        f = _recursive_repr(factory, lambda: repr(factory)) if factory is not None else 'None'
        return '%s(%s, %s)' % (self.__class__.__name__, f, dict.__repr__(self))

    def copy(self):
        return self.__class__(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        return self.__class__, (self.default_factory,), None, None, iter(self.items())

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.__class__(self.default_factory, other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


def _count_elements(mapping, iterable):
    mapping_get = mapping.get
    for elem in iterable:
        mapping[elem] = mapping_get(elem, 0) + 1


def _count_of(item):
    return item[1]


class Counter(dict):
    def __class_getitem__(cls, item):
        return cls

    def __init__(self, iterable=None, /, **kwds):
        dict.__init__(self)
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        if n is None:
            return sorted(self.items(), key=_count_of, reverse=True)
        if n <= 0:
            return []
        return sorted(self.items(), key=_count_of, reverse=True)[:n]

    def elements(self):
        for elem, count in self.items():
            for _ in range(count):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                if self:
                    self_get = self.get
                    for elem, count in iterable.items():
                        self[elem] = count + self_get(elem, 0)
                else:
                    for elem, count in iterable.items():
                        self[elem] = count
            else:
                _count_elements(self, iterable)
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        if iterable is not None:
            self_get = self.get
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = self_get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = self_get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return self.__class__(self)

    __copy__ = copy

    def __reduce__(self):
        return self.__class__, (dict(self),)

    def __delitem__(self, elem):
        if elem in self:
            dict.__delitem__(self, elem)

    def __repr__(self):
        if not self:
            return f'{self.__class__.__name__}()'
        def make():
            try:
                d = dict(self.most_common())
            except TypeError:
                d = dict(self)
            return f'{self.__class__.__name__}({d!r})'
        return _recursive_repr(self, make)

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] <= other[e] for c in (self, other) for e in c)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] >= other[e] for c in (self, other) for e in c)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    __hash__ = None

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        nonpositive = [elem for elem, count in self.items() if not count > 0]
        for elem in nonpositive:
            dict.__delitem__(self, elem)
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, other_count in other.items():
            count = self[elem]
            if other_count > count:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in self.items():
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()
