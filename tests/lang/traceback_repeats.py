# Tracebacks of recursion: after three identical entries in a row, one line counts the rest
# (as CPython), printed through sys.excepthook to a writer that drops the directory; and a
# replaced sys.excepthook reporting the uncaught exception.
import sys
class Out:
    def write(self, text):
        sys.stdout.write(text.replace(__file__, 'FILE'))
    def flush(self):
        pass
sys.stderr = Out()
def f(n):
    if n == 0:
        raise ValueError('bottom')
    f(n - 1)
for depth in [2, 3, 4, 5, 30]:
    try:
        f(depth)
    except ValueError as e:
        print('depth', depth)
        sys.excepthook(type(e), e, e.__traceback__)

# A replaced sys.excepthook reports the uncaught exception.
print(sys.excepthook is sys.__excepthook__)
def myhook(t, v, tb):
    print('hooked', t.__name__, v, tb is not None)
sys.excepthook = myhook
raise KeyError('k')
