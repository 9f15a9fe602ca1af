# Imports: modules, packages, relative imports, aliases, star imports, sys.modules caching.
import mod_plain as mymod
import mod_plain as again
print(mymod.bump(), again.bump(), mymod is again, mymod.__doc__, mymod.__name__)
from mod_plain import bump, counter
print(bump(), counter, mymod.counter)
import pkg
print(pkg.VALUE, pkg.pkg_greet("x"), pkg.helper.greet("y"))
import pkg.sub.mod
print(pkg.sub.mod.twice(), pkg.sub.SUB, pkg.sub.greet("z"))
from pkg.sub import mod as m2
print(m2.twice())
import sys
print("mod_plain" in sys.modules, 'pkg.sub.mod' in sys.modules, type(sys.modules['pkg']).__name__)
from mod_plain import *
print(bump())
try:
    import does_not_exist
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from mod_plain import nothing_here
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
import math, gc
print(callable(gc.collect), math is not None)
print(__name__, __file__.endswith("imports.py"))
