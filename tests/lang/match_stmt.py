# Structural pattern matching: literals, captures, sequences, mappings, classes, guards, or/as patterns
def describe(v):
    match v:
        case 0 | 1 | 2:
            return 'small int'
        case True:
            return 'unreachable True'
        case None:
            return 'None'
        case 'hello':
            return 'greeting'
        case b'raw':
            return 'bytes literal'
        case -1.5:
            return 'neg float'
        case 1 + 2j:
            return 'complex'
        case int(n) if n < 0:
            return f'negative {n}'
        case int() | float() as num:
            return f'number {num!r}'
        case str(s) if len(s) > 5:
            return 'long str ' + s
        case str():
            return 'short str'
        case []:
            return 'empty seq'
        case [x]:
            return f'one {x}'
        case [x, y]:
            return f'two {x} {y}'
        case [first, *rest] if first == 'cmd':
            return f'command {rest}'
        case [_, _, *_, last]:
            return f'long seq ending {last}'
        case {'type': 'point', 'x': x, 'y': y}:
            return f'point {x},{y}'
        case {'type': t, **others}:
            return f'typed {t} others={sorted(others)}'
        case {}:
            return 'some mapping'
        case _:
            return 'other ' + type(v).__name__
for v in [0, 2, True, False, None, 'hello', b'raw', -1.5, 1 + 2j, -7, 3.5, 10, 'abcdefg', 'abc', [], (), [1], (1, 2), ['cmd', 'a', 'b'],
          [1, 2, 3, 4], {'type': 'point', 'x': 1, 'y': 2, 'z': 3}, {'type': 'circle', 'r': 1}, {'a': 1}, {}, {1, 2}, 'x' * 0, range(3), (i for i in ())]:
    print(repr(v) if not isinstance(v, type(i for i in ())) else 'generator', '->', describe(v))
class Point:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y): self.x, self.y = x, y
class Point3(Point):
    __match_args__ = ('x', 'y', 'z')
    def __init__(self, x, y, z): super().__init__(x, y); self.z = z
def where(p):
    match p:
        case Point(0, 0):
            return 'origin'
        case Point3(x, y, z=0):
            return f'3d flat {x} {y}'
        case Point(x=0, y=yy):
            return f'on y axis at {yy}'
        case Point(xx, 0):
            return f'on x axis at {xx}'
        case Point(x, y) if x == y:
            return 'diagonal'
        case Point():
            return 'somewhere'
        case (Point(x=a), Point(x=b)):
            return f'pair {a} {b}'
        case _:
            return 'not a point'
for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2), Point3(1, 2, 0), Point3(1, 2, 3), (Point(1, 1), Point(2, 2)), 5]:
    print(where(p))
class Bad:
    __match_args__ = ('a',)
try:
    match Bad():
        case Bad(x):
            print('matched', x)
except AttributeError as e:
    print('AttributeError (missing attribute -> no match?)', e)
else:
    print('no match')
class TooMany:
    __match_args__ = ('a',)
    a = 1
try:
    match TooMany():
        case TooMany(x, y):
            print('matched')
except TypeError as e:
    print(type(e).__name__, e)
try:
    match 5:
        case int(x, y):
            pass
except TypeError as e:
    print(type(e).__name__, e)
def nested(cmd):
    match cmd.split():
        case ['go', ('north' | 'south') as d]:
            return 'go ' + d
        case ['go', d]:
            return 'unknown direction ' + d
        case ['take', *items] if items:
            return 'take ' + ','.join(items)
        case ['look' | 'l']:
            return 'looking'
        case [('a' | 'b') as letter, *_]:
            return 'letter ' + letter
        case _:
            return 'huh'
for c in ['go north', 'go west', 'take a b', 'take', 'look', 'l', 'a x y', '']:
    print(repr(c), nested(c))
import collections
OD = collections.OrderedDict
match OD(k=1):
    case {'k': v}:
        print('ordered dict match', v)
x = 'outer'
match 42:
    case x:
        pass
print('capture rebinds', x)
CONST = 'c'
class NS:
    VALUE = 10
match 10:
    case NS.VALUE:
        print('dotted value pattern')
match 'str':
    case [*chars]:
        print('str as sequence?!', chars)
    case _:
        print('str is not a sequence pattern')
match b'ab':
    case [a, b]:
        print('bytes as sequence?!')
    case _:
        print('bytes is not a sequence pattern')
match bytearray(b'ab'):
    case [*_]:
        print('bytearray seq?!')
    case _:
        print('bytearray is not a sequence pattern')
match {'a': 1, 'b': 2}:
    case {'a': 1, **rest}:
        print('rest', rest)
match [1, [2, [3, 4]]]:
    case [a, [b, [c, d]]]:
        print('deep', a + b + c + d)
match 1.0:
    case 1:
        print('1.0 matches literal 1')
match True:
    case 1:
        print('True matches 1?')
    case True:
        print('True matches True only by identity')
match 0:
    case False:
        print('0 is False?!')
    case _:
        print('0 is not False pattern')
for src in ['match x:\n    case a | b:\n        pass', 'match x:\n    case _:\n        pass\n    case 1:\n        pass',
            'match x:\n    case {**r, "k": 1}:\n        pass', 'match x:\n    case [*a, *b]:\n        pass', 'match x:\n    case a:\n        pass\n    case 1:\n        pass',
            'match x:\n    case (1 | a):\n        pass', 'match x:\n    case {"k": 1, "k": 2}:\n        pass', 'match x:\n    case Point(x=1, x=2):\n        pass']:
    try:
        compile(src, '<m>', 'exec')
        print('compiled')
    except SyntaxError as e:
        print('SyntaxError:', e.msg)
match = 'match is a soft keyword'
case = 3
print(match, case)
