# Edges found by MicroPython's import and extmod tests: hexlify's bytes_per_sep, re on bytearray and
# memoryview subjects giving bytes, __import__'s argument checks, 'import *' asking a module's
# __getattr__ for __all__, and object.__init__ after a built-in type's own __new__.
import binascii, re, sys
print(binascii.hexlify(b"abcde", "-", 2), binascii.hexlify(b"abcde", b":", -2), binascii.hexlify(b"abc", "-"), binascii.hexlify(b"abc", "-", 0))
print(re.split(b"x", bytearray(b"fooxbar")), re.match(b"(f)o", bytearray(b"foo")).groups(), re.findall(b"o", memoryview(b"foo")), re.sub(b"o", b"0", bytearray(b"foo")))
print(re.match(b"(f)o", bytearray(b"foo")).group(0), type(re.match(b"f", bytearray(b"foo")).string).__name__)
for bad in [1, None, b"os", 1.5]:
    try: __import__(bad)
    except TypeError as e: print("TypeError", e)
try: __import__("xyz", None, None, None, -1)
except ValueError as e: print("ValueError", e)
m = type(sys)("m"); m.x = 1; m.y = 2
def ga(n):
    if n == "__all__": return ["x"]
    raise AttributeError(n)
m.__getattr__ = ga; sys.modules["m"] = m
from m import *
print("y" in globals(), x)
m2 = type(sys)("m2")
def ga2(n): raise ValueError("boom")
m2.__getattr__ = ga2; sys.modules["m2"] = m2
try:
    from m2 import *; print("no error")
except ValueError as e: print("ValueError", e)
print(tuple([1,2]), int("5"), str(b"x", "ascii"), frozenset([1]))
class T(tuple):
    def __init__(self, *a): print("T init", a)
print(T([1, 2]))
try: object.__init__(object(), 1)
except TypeError as e: print(e)
