# MicroPython's const() also in annotated assignments (`NAME: type = const(x)`): folded at
# compile time, private (underscore) names left out of the namespace, usable from functions;
# and math constants in const expressions of code run by exec, which does not import math.
from micropython import const
import math

_PRIVATE: int = const(5)
PUBLIC: int = const(_PRIVATE * 2)

class K:
    _Z: int = const(2)
    C1: int = const(4)
    def m(self):
        return C1 + _Z + _PRIVATE

print(_PRIVATE, PUBLIC, '_PRIVATE' in globals(), 'PUBLIC' in globals())
print(hasattr(K, '_Z'), hasattr(K, 'C1'), K().m())

def f():
    return PUBLIC + _PRIVATE
print(f())

g = {}
exec('TWO_PI = const(2.0 * math.pi)\nprint(round(TWO_PI, 6), math.cos(TWO_PI))', {'const': const, 'math': math})
try:
    exec('X: int = const(undefined_name)')
except SyntaxError as e:
    print('SyntaxError', e.msg if hasattr(e, 'msg') else e)
