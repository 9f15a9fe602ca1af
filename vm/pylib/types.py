# `SimpleNamespace`, `new_class` and friends, written in Python.
class SimpleNamespace:
    def __init__(self, *args, **kwargs):
        if args:
            raise TypeError('no positional arguments expected')
        self.__dict__.update(kwargs)

    def __repr__(self):
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        items = ', '.join([k + '=' + repr(v) for k, v in self.__dict__.items()])
        return name + '(' + items + ')'

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __ne__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ != other.__dict__
        return NotImplemented

    __hash__ = None

def resolve_bases(bases):
    return tuple(bases)

def prepare_class(name, bases=(), kwds=None):
    kwds = {} if kwds is None else dict(kwds)
    if 'metaclass' in kwds:
        meta = kwds.pop('metaclass')
    elif bases:
        meta = type(bases[0])
    else:
        meta = type
    if hasattr(meta, '__prepare__'):
        ns = meta.__prepare__(name, bases, **kwds)
    else:
        ns = {}
    return meta, ns, kwds

def new_class(name, bases=(), kwds=None, exec_body=None):
    bases = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, bases, kwds)
    if exec_body is not None:
        exec_body(ns)
    return meta(name, bases, ns, **kwds)

class _AwaitableGenerator:
    # What a types.coroutine function returns for a generator: awaitable, and still a
    # generator to whoever drives it directly.
    def __init__(self, gen):
        self._gen = gen
    def __await__(self):
        return self._gen
    def __iter__(self):
        return self._gen
    def __next__(self):
        return next(self._gen)
    def send(self, value):
        return self._gen.send(value)
    def throw(self, *args):
        return self._gen.throw(*args)
    def close(self):
        return self._gen.close()
    def __getattr__(self, name):
        return getattr(self._gen, name)

def coroutine(func):
    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')
    def wrapper(*args, **kwargs):
        result = func(*args, **kwargs)
        if type(result) is GeneratorType:
            return _AwaitableGenerator(result)
        return result
    for attr in ('__name__', '__qualname__', '__doc__', '__module__'):
        try:
            setattr(wrapper, attr, getattr(func, attr))
        except AttributeError:
            pass
    return wrapper

LambdaType = FunctionType
BuiltinMethodType = BuiltinFunctionType
