# dir() of a module lists its namespace (not the module type's methods), or what the module's
# own __dir__ returns; a module __getattr__ supplies missing attributes.
import math
import sys

import mod_plain
import mod_lazy

names = dir(mod_plain)
print([n for n in names if not n.startswith("__")], "__name__" in names, "__class__" in names)
print(names == sorted(names), "__init__" in dir(mod_plain), "sqrt" in dir(math), "__eq__" in dir(math))
print(sorted(dir(mod_lazy)), mod_lazy.computed, mod_lazy.visible)
try:
    mod_lazy.missing
except AttributeError as e:
    print("AttributeError:", e)
print("path" in dir(sys), "__len__" in dir(sys))
print(type(mod_plain).__dir__(mod_plain) is not None)
