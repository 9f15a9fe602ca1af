# The parts of `abc` written in Python (run into the module's namespace when it is made).
def abstractmethod(f):
    f.__isabstractmethod__ = True
    return f


def _abstract(value):
    if getattr(value, '__isabstractmethod__', False):
        return True
    for part in ('fget', 'fset', 'fdel', '__func__'):
        if getattr(getattr(value, part, None), '__isabstractmethod__', False):
            return True
    return False


class ABCMeta(type):
    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        abstracts = set(name for name, value in namespace.items() if _abstract(value))
        for base in bases:
            for name in getattr(base, '__abstractmethods__', ()):
                if _abstract(getattr(cls, name, None)):
                    abstracts.add(name)
        cls.__abstractmethods__ = frozenset(abstracts)
        cls._abc_registry = []
        cls._abc_subclasses = []
        for base in bases:
            if isinstance(base, ABCMeta):
                base._abc_subclasses.append(cls)
        kind = getattr(cls, '__abc_tpflags__', None)
        if kind:
            _set_pattern_kind(cls, kind)
        return cls

    def __call__(cls, *args, **kwargs):
        if cls.__abstractmethods__:
            names = sorted(cls.__abstractmethods__)
            raise TypeError("Can't instantiate abstract class %s with abstract method%s %s"
                            % (cls.__name__, 's' if len(names) > 1 else '', ', '.join(names)))
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError('Can only register classes')
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError('Refusing to create an inheritance cycle')
        cls._abc_registry.append(subclass)
        kind = getattr(cls, '__abc_tpflags__', None)
        if kind:
            _set_pattern_kind(subclass, kind)
        return subclass

    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        if cls in subclass.__mro__:
            return True
        for registered in cls._abc_registry:
            if issubclass(subclass, registered):
                return True
        hook = cls.__dict__.get('__subclasshook__')
        if hook is not None:
            ok = cls.__subclasshook__(subclass)
            if ok is not NotImplemented:
                return bool(ok)
        for sub in cls._abc_subclasses:
            if issubclass(subclass, sub):
                return True
        return False

    def _dump_registry(cls, file=None):
        print('Class: %s.%s' % (cls.__module__, cls.__qualname__), file=file)


class ABC(metaclass=ABCMeta):
    __slots__ = ()


def get_cache_token():
    return 0


class abstractproperty(property):
    __isabstractmethod__ = True


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True


class abstractstaticmethod(staticmethod):
    __isabstractmethod__ = True


def update_abstractmethods(cls):
    return cls
