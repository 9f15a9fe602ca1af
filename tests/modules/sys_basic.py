# sys: version_info and implementation are tuples with named fields; the standard streams can be
# replaced, and print() then writes through them one piece at a time.
import sys

vi = sys.version_info
print(vi.major == vi[0], vi[:2] >= (3, 0), isinstance(vi, tuple), len(vi))
print(type(sys.implementation.name).__name__, isinstance(sys.maxsize, int), sys.byteorder)
print(type(sys.argv).__name__, type(sys.path).__name__, 'sys' in sys.modules)
try:
    vi.no_such_field
except AttributeError:
    print('AttributeError')

class Recorder:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        self.parts.append('<flush>')

r = Recorder()
print('a', 1, 'b', sep='-', end='!\n', file=r)
print(file=r)
print('x', 'y', file=r, flush=True)
saved = sys.stdout
sys.stdout = r
print('through', 'stdout')
sys.stdout = saved
print(r.parts)

for code in ['sys.exit()', 'sys.exit(3)', 'sys.exit("message")']:
    try:
        exec(code)
    except SystemExit as e:
        print('SystemExit', e.args, e.code)
