# match statements: run-time errors, which types count as sequences and mappings, user
# mappings' get(), subject tuples, guards with side effects, match in generators and closures
import array
import collections


def E(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)


class ListArgs:
    __match_args__ = ['a']


class IntArgs:
    __match_args__ = (1,)


class Two:
    __match_args__ = ('a',)
    a = 1


def not_a_type():
    match 1:
        case len():
            pass


def list_match_args():
    match ListArgs():
        case ListArgs(x):
            pass


def int_match_args():
    match IntArgs():
        case IntArgs(x):
            pass


def repeated_attr():
    match Two():
        case Two(x, a=y):
            pass


def object_positional():
    match object():
        case object(x):
            pass


K = 'k'


class Keys:
    A = 'k'


def runtime_duplicate_key():
    match {'k': 1, 'j': 2}:
        case {'k': 1, Keys.A: 2}:
            pass


for f in [not_a_type, list_match_args, int_match_args, repeated_attr, object_positional, runtime_duplicate_key]:
    E(f)


class MyList(list):
    pass


class MyDict(dict):
    def get(self, key, default=None):
        print('  get', repr(key))
        return dict.get(self, key, default)


class NotSeq:
    def __len__(self):
        return 2

    def __getitem__(self, i):
        return i


def kind(v):
    match v:
        case {'a': x, **rest}:
            return f'mapping a={x} rest={rest}'
        case {}:
            return 'other mapping'
        case [x, y]:
            return f'pair {x!r} {y!r}'
        case [*items]:
            return f'sequence of {len(items)}'
        case _:
            return 'neither'


for v in [MyList([1, 2]), MyList(), MyDict(a=1, b=2), MyDict(b=2), collections.OrderedDict(a=3),
          collections.defaultdict(int), collections.deque([5, 6]), array.array('i', [7, 8, 9]),
          memoryview(b'xy'), NotSeq(), {1, 2}, frozenset(), {'a': 1}.keys(), 'ab', b'ab', 42]:
    print(type(v).__name__, '->', kind(v))

# A defaultdict's missing keys are not created by matching.
d = collections.defaultdict(list)
match d:
    case {'missing': _}:
        print('matched?!')
    case _:
        print('no match, keys', list(d))

# Subject tuples and star subjects.
rest = [3, 4]
match 1, 2, *rest:
    case (1, *middle, 4):
        print('middle', middle)

# Guards run in order and only after the pattern matched.
def guard(label, result):
    print('  guard', label)
    return result


for v in [1, 2, 3]:
    match v:
        case 1 if guard('one', False):
            print('one')
        case 1 | 2 if guard('one-or-two', True):
            print('one or two', v)
        case x if guard('any', x > 2):
            print('big', x)


# match inside a generator and a closure.
def gen(items):
    for item in items:
        match item:
            case (str() as key, int() as value):
                yield f'{key}={value}'
            case str() as key:
                yield key
            case _:
                yield '?'


print(list(gen([('a', 1), 'b', ('c', 'd'), 3])))


def outer():
    found = []

    def inner(v):
        nonlocal found
        match v:
            case [*found]:
                pass
        return found
    return inner


print(outer()([1, 2, 3]))

# Class patterns against builtins that match themselves, and bool vs int.
for v in [True, 1, 1.5, 'x', b'y', (1,), [2], {3}, {4: 5}]:
    match v:
        case bool(b):
            print('bool', b)
        case int(i):
            print('int', i)
        case float(f) | str(f) | bytes(f):
            print('scalar', repr(f))
        case tuple(t) | list(t):
            print('seq', t)
        case set(s) | dict(s):
            print('collection', s)

# Nested captures and as-patterns bind the inner values.
match {'point': (1, 2), 'tags': ['a', 'b']}:
    case {'point': (x, y) as point, 'tags': [first, *others]}:
        print(x, y, point, first, others)

# Negative numbers, complex literals and strings as patterns.
for v in [-1, -2.5, 3 - 4j, 'a' 'b', b'\x00']:
    match v:
        case -1:
            print('minus one')
        case -2.5:
            print('minus two and a half')
        case 3 - 4j:
            print('complex')
        case 'ab':
            print('implicitly joined string')
        case b'\x00':
            print('nul byte')

# A failed case binds nothing, even when part of its pattern matched.
a = 'unbound before'
match (0, 3):
    case (a, 1):
        pass
print(a)


def partial(x):
    match x:
        case (b, 1) | (b, 2):
            pass
    return sorted(locals())


print(partial((0, 3)), partial((0, 2)))


# Alternatives may capture in different orders.
def order(x):
    match x:
        case (p, q, 1) | (q, p, 2):
            return p, q


print(order((5, 6, 1)), order((5, 6, 2)))

# A wildcard star does not copy the subject.
match range(1 << 30):
    case [first, second, *_, last]:
        print(first, second, last)

# Literal keys are duplicates when their values are equal, whatever their spelling.
for src in ['{0: _, False: _}', '{1: _, 1.0: _}', '{0: _, 0j: _}', '{-1: _, -1.0: _}', '{0.5: _, 0.5: _}',
            '{b"a": _, b"a": _}', '{"x": _, "y": _}', '{**_}', '{"k": 1, **_}']:
    try:
        compile(f'match x:\n    case {src}:\n        pass', '<m>', 'exec')
        print(src, 'compiled')
    except SyntaxError as e:
        print(src, 'SyntaxError:', e.msg)
for src in ['(*x)', '[(*x)]', '(*x) as y', '(*x,)', '[*x]', '*x, y']:
    try:
        compile(f'match x:\n    case {src}:\n        pass', '<m>', 'exec')
        print(src, 'compiled')
    except SyntaxError as e:
        print(src, 'SyntaxError:', e.msg)
