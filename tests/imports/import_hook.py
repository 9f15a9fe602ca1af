# The import statement goes through builtins.__import__, which a program may replace.
import builtins
import string  # imported once before the hook, so its own imports are not traced

real_import = builtins.__import__
seen = []

def tracing_import(name, globals=None, locals=None, fromlist=(), level=0):
    if name in ('math', 'collections', 'string', 'errno'):
        seen.append((name, fromlist and tuple(fromlist), level))
    return real_import(name, globals, locals, fromlist, level)

builtins.__import__ = tracing_import
import math
from collections import namedtuple
import string as s
builtins.__import__ = real_import
import errno
print(seen)
print(math.floor(2.5), namedtuple.__name__, s.digits)

def fake_import(name, *args):
    class Fake:
        answer = name
    return Fake

builtins.__import__ = fake_import
try:
    import no_such_module_anywhere
    from another.fake import answer
finally:
    builtins.__import__ = real_import
print(no_such_module_anywhere.answer, answer)
