# collections.defaultdict: default factories, __missing__, repr, copy, errors.
from collections import defaultdict


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


d = defaultdict(list)
d['a'].append(1)
d['a'].append(2)
d['b'].append(3)
print(d, len(d), d.default_factory)
print(d['c'], d)
print(d.get('zz'), 'zz' in d, d.get('a'))

counts = defaultdict(int)
for ch in 'mississippi':
    counts[ch] += 1
print(sorted(counts.items()), counts['q'], dict(counts))

s = defaultdict(set)
s['x'].add(1)
s['x'].add(1)
s['y'].add(2)
print(s)

n = defaultdict(lambda: 'N/A')
n['k'] = 'v'
print(n['k'], n['missing'], len(n))

nested = defaultdict(lambda: defaultdict(int))
nested['a']['b'] += 1
nested['a']['c'] += 2
print(dict(nested['a']), list(nested))

# no factory
e = defaultdict()
print(e, e.default_factory)
t(lambda: e['missing'])
e2 = defaultdict(None, {'a': 1})
print(e2, e2['a'])
t(lambda: e2['b'])

# constructor forms
print(defaultdict(int, a=1))
print(defaultdict(int, {'a': 1}, b=2))
print(defaultdict(list, [('k', [1])]))
t(lambda: defaultdict(1))
t(lambda: defaultdict('abc'))

# factory can be changed
f = defaultdict(int)
f.default_factory = list
print(f['x'], f)
f.default_factory = None
t(lambda: f['y'])

# copy
c = defaultdict(list, a=[1])
c2 = c.copy()
c2['b'].append(2)
print(c, c2, type(c2).__name__, c2.default_factory)

# merging
print(defaultdict(int, a=1) | {'b': 2})
print({'b': 2} | defaultdict(int, a=1))
m = defaultdict(int, a=1)
m |= {'z': 0}
print(m)

# other dict behaviour
g = defaultdict(int, a=1, b=2)
print(g.pop('a'), g.setdefault('c', 5), sorted(g), g == {'b': 2, 'c': 5}, isinstance(g, dict))
del g['b']
print(g, g.keys(), list(g.values()))
t(lambda: g.pop('nope'))

# subclass
class Tree(defaultdict):
    def __init__(self):
        super().__init__(Tree)


tree = Tree()
tree['a']['b']['c'] = 1
print(list(tree), list(tree['a']), tree['a']['b']['c'], type(tree['a']).__name__)
print(defaultdict.__name__, defaultdict.__module__)
