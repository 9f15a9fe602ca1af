# mappingproxy: Class.__dict__ and types.MappingProxyType are read-only views
class A: c=3
p=A.__dict__
print(repr(type(p)), type(p).__module__)
import types
m = types.MappingProxyType({'a':1})
print(m, str(m), m == {'a':1}, m | {'b':2}, {'b':2} | m, list(reversed(m)), m.copy(), len(m), 'a' in m, m.get('z', 0))
try: types.MappingProxyType([1])
except TypeError as e: print(e)
try: del m['a']
except TypeError as e: print(e)
try: m['a'] = 2
except TypeError as e: print(e)
try: m.x = 1
except AttributeError as e: print(e)
try: hash(m)
except TypeError as e: print(e)
print(type(vars(A)).__name__, A.__dict__['c'], 'c' in A.__dict__, sorted(k for k in A.__dict__ if not k.startswith('__')))
match A.__dict__:
    case {'c': v}: print('mapping', v)
m = types.MappingProxyType({'a': 1})
try:
    m |= {'b': 2}
except TypeError as e: print(e)
try:
    class X(types.MappingProxyType): pass
except TypeError as e: print(e)
