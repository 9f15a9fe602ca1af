# Recursion as deep as sys.setrecursionlimit allows (the host's interpreter stack holds it), in
# plain and native code; past the limit, RecursionError.
# gc-stress: skip (a collection per allocation scans the whole deep stack each time)
import sys
import micropython
sys.setrecursionlimit(30000)

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

@micropython.native
def native_depth(n):
    return 0 if n == 0 else 1 + native_depth(n - 1)

print(depth(25000), native_depth(25000))
sys.setrecursionlimit(5000)
for f in [depth, native_depth]:
    try:
        f(10000)
    except RecursionError as e:
        print('RecursionError', e)
print(sys.getrecursionlimit())
