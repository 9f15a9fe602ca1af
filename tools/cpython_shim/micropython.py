"""A stand-in `micropython` module for recording expected output under CPython.

Native-code tests decorate functions with `@micropython.native` (or `@viper`); the decorators
change how Pyrite runs a function, never what it prints, so under CPython they are the identity.
Only what the recorded tests use is here.
"""


def _identity(f):
    return f


native = _identity
viper = _identity
bytecode = _identity


def const(x):
    return x


def opt_level(level=None):
    return 0 if level is None else None


# CPython has no heap lock: tests that use it check that operations which allocate nothing on
# MicroPython's heap also work while Pyrite's heap is locked, so the recorded output is the
# unlocked one.
_lock_depth = 0


def heap_lock():
    global _lock_depth
    _lock_depth += 1


def heap_unlock():
    global _lock_depth
    _lock_depth -= 1
    return _lock_depth
