# types: type objects without a built-in name, SimpleNamespace, new_class
import types

def f():
    pass
def g():
    yield 1
class K:
    def m(self):
        pass
print(types.FunctionType is type(f), types.LambdaType is type(lambda: 0), types.GeneratorType is type(g()))
print(types.MethodType is type(K().m), types.ModuleType is type(types), types.BuiltinFunctionType is type(len))
print(types.NoneType is type(None), types.CodeType is type(f.__code__), types.BuiltinMethodType is type([].append))
print(types.EllipsisType is type(...), types.NotImplementedType is type(NotImplemented))
print(isinstance(f, types.FunctionType), isinstance(len, types.FunctionType), isinstance(g(), types.GeneratorType))
print(types.FunctionType.__name__, types.ModuleType.__name__, types.NoneType.__name__)
ns = types.SimpleNamespace(a=1, b='two')
print(ns, ns.a, ns.b, repr(types.SimpleNamespace()))
ns.c = [3]
del ns.a
print(ns, sorted(vars(ns)))
print(types.SimpleNamespace(x=1) == types.SimpleNamespace(x=1), types.SimpleNamespace(x=1) == types.SimpleNamespace(x=2))
print(types.SimpleNamespace(x=1) != types.SimpleNamespace(x=1), types.SimpleNamespace() == 5)
class NS(types.SimpleNamespace):
    pass
print(NS(z=0), isinstance(NS(), types.SimpleNamespace), types.SimpleNamespace.__name__)
try:
    types.SimpleNamespace(1)
except TypeError as e:
    print('TypeError', e)
try:
    hash(types.SimpleNamespace())
except TypeError as e:
    print('TypeError unhashable', 'SimpleNamespace' in str(e))
def body(ns):
    ns['x'] = 42
    ns['hello'] = lambda self: 'hi ' + str(self.x)
C = types.new_class('C', (K,), exec_body=body)
c = C()
print(C.__name__, c.x, c.hello(), isinstance(c, K), C.__bases__)
D = types.new_class('D')
print(D.__name__, D.__bases__)
class Meta(type):
    pass
E = types.new_class('E', (), {'metaclass': Meta})
print(type(E).__name__)
print(types.resolve_bases((int,)), types.prepare_class('X')[0].__name__)
