# Typing forms (`list[int]`, `int | None`): their classes and reprs, written in Python.
def _type_repr(a):
    if a is type(None):
        return 'None'
    if a is Ellipsis:
        return '...'
    if isinstance(a, type):
        if a.__module__ == 'builtins':
            return a.__qualname__
        return a.__module__ + '.' + a.__qualname__
    return repr(a)

def _members(a):
    if a is None:
        return (type(None),)
    if isinstance(a, UnionType):
        return a.__args__
    if isinstance(a, (type, GenericAlias)):
        return (a,)
    return None

def union(a, b):
    x = _members(a)
    y = _members(b)
    if x is None or y is None:
        return NotImplemented
    out = []
    for t in x + y:
        if t not in out:
            out.append(t)
    if len(out) == 1:
        return out[0]
    u = UnionType.__new__(UnionType)
    u.__args__ = tuple(out)
    return u

class UnionType:
    __slots__ = ('__args__',)
    def __repr__(self):
        return ' | '.join(_type_repr(a) for a in self.__args__)
    def __or__(self, other):
        return union(self, other)
    def __ror__(self, other):
        return union(other, self)
    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)
    def __hash__(self):
        return hash(frozenset(self.__args__))
    def __instancecheck__(self, obj):
        for t in self.__args__:
            if isinstance(t, GenericAlias):
                raise TypeError('isinstance() argument 2 cannot be a parameterized generic')
        return isinstance(obj, self.__args__)
    def __subclasscheck__(self, cls):
        for t in self.__args__:
            if isinstance(t, GenericAlias):
                raise TypeError('issubclass() argument 2 cannot be a parameterized generic')
        return issubclass(cls, self.__args__)

class GenericAlias:
    __slots__ = ('__origin__', '__args__')
    def __repr__(self):
        if not self.__args__:
            inner = '()'
        else:
            inner = ', '.join(_type_repr(a) for a in self.__args__)
        return _type_repr(self.__origin__) + '[' + inner + ']'
    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)
    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(name)
        return getattr(self.__origin__, name)
    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__
    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)
    def __or__(self, other):
        return union(self, other)
    def __ror__(self, other):
        return union(other, self)
    def __mro_entries__(self, bases):
        return (self.__origin__,)
    def __instancecheck__(self, obj):
        raise TypeError('isinstance() argument 2 cannot be a parameterized generic')
    def __subclasscheck__(self, cls):
        raise TypeError('issubclass() argument 2 cannot be a parameterized generic')

def alias(origin, args):
    a = GenericAlias.__new__(GenericAlias)
    a.__origin__ = origin
    a.__args__ = args if type(args) is tuple else (args,)
    return a

UnionType.__module__ = 'types'
GenericAlias.__module__ = 'types'
