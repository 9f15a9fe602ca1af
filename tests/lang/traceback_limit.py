# sys.tracebacklimit: an uncaught exception's traceback shows only the innermost entries (none,
# and no header, at 0). The report goes through sys.stderr, here a writer that prints to
# stdout without the file's directory.
import sys

class Out:
    def write(self, text):
        sys.stdout.write(text.replace(__file__, 'FILE'))
    def flush(self):
        pass

def f(n):
    if n == 0:
        raise ValueError('boom')
    f(n - 1)

sys.stderr = Out()
sys.tracebacklimit = 2
print('before')
f(3)
