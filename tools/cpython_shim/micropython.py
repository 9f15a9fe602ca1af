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
