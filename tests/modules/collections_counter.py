# collections.Counter: counting, most_common, elements, arithmetic, comparisons.
from collections import Counter


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


c = Counter('abracadabra')
print(c)
print(c['a'], c['z'], len(c), sorted(c))
print(c.most_common(), c.most_common(2), c.most_common(0), c.most_common(-1))
print(sorted(c.elements()), ''.join(Counter('aab').elements()))
print(Counter(), Counter([]), Counter({'x': 2, 'y': -1}), Counter(a=3, b=1))
print(Counter(['x', 'y', 'x', 1, 1, 1]))
print(Counter(a=2, b=3).total(), Counter().total())

# update and subtract
u = Counter(a=1)
u.update('aab')
u.update({'b': 10, 'c': 1})
u.update(d=4)
print(u)
u.subtract('aaa')
u.subtract({'d': 5})
u.subtract(c=1)
print(u)
u.update(None)
print(u)

# deleting
dl = Counter(a=1, b=2)
del dl['a']
del dl['missing']
print(dl)

# arithmetic
x = Counter(a=3, b=1, c=0, d=-2)
y = Counter(a=1, b=2, e=5)
print(x + y)
print(x - y)
print(x | y)
print(x & y)
print(+x, -x)
i = Counter(a=1, b=2)
i += Counter(a=1, c=-5)
print(i)
i -= Counter(b=5)
print(i)
i |= Counter(z=1, a=0)
print(i)
i &= Counter(a=1)
print(i)
t(lambda: Counter() + {'a': 1})
t(lambda: Counter() - 1)

# comparisons
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) != Counter(a=2), Counter(a=1) == {'a': 1})
print(Counter(a=1) <= Counter(a=2), Counter(a=1) < Counter(a=1), Counter(a=2) >= Counter(a=1, b=0), Counter(a=3) > Counter(a=2))

# dict behaviour
d = Counter('hello')
print(d.get('l'), d.get('q'), 'q' in d, list(d.keys()), d.pop('h'), d.setdefault('o', 9))
print(d.copy(), type(d.copy()).__name__, dict(d))
t(lambda: Counter.fromkeys('abc'))
t(lambda: hash(Counter()))

# most_common ties keep first-seen order
print(Counter('bbaacc').most_common(), Counter('zyx').most_common(1))

# subclass
class MyCounter(Counter):
    pass


mc = MyCounter('aab')
print(mc, type(mc.copy()).__name__, isinstance(mc, dict))
print(Counter.__name__, Counter.__module__)
