# types behaviour that depends on fixes outside the types module (constructing module objects
# in the module type's __new__). No .exp is recorded until that lands: record it with
# tools/record_expected.py once it does.
import types
m = types.ModuleType('mymod')
m.x = 5
print(m.__name__, m.x, type(m).__name__, m.__doc__, repr(m))
m2 = types.ModuleType('other', 'docstring')
print(m2.__doc__, sorted(k for k in vars(m2) if not k.startswith('__l')))
