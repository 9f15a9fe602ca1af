# collections.OrderedDict: order-sensitive equality, move_to_end, popitem, repr, views.
from collections import OrderedDict


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


d = OrderedDict()
print(d, len(d), bool(d))
d['b'] = 1
d['a'] = 2
d['c'] = 3
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
d['b'] = 10
print(d)
del d['a']
print(d)
d['a'] = 2
print(d)
print(OrderedDict([('x', 1), ('y', 2)]), OrderedDict(x=1, y=2), OrderedDict({'z': 0}, w=1))
print(OrderedDict(OrderedDict(a=1)), OrderedDict([]))
t(lambda: OrderedDict(1))
t(lambda: OrderedDict([1]))
t(lambda: OrderedDict([(1, 2, 3)]))
t(lambda: OrderedDict([[1]]))
t(lambda: OrderedDict(['ab']))

# move_to_end
m = OrderedDict.fromkeys('abcde')
m.move_to_end('b')
print(list(m))
m.move_to_end('b', last=False)
print(list(m))
m.move_to_end('e', False)
print(list(m))
m.move_to_end('c', True)
print(list(m))
t(lambda: m.move_to_end('zz'))
t(lambda: m.move_to_end('zz', last=False))

# popitem
p = OrderedDict(a=1, b=2, c=3, d=4)
print(p.popitem(), p.popitem(last=False), p.popitem(False), p)
print(p.popitem(), p)
t(lambda: p.popitem())
t(lambda: p.popitem(last=False))

# pop, setdefault, get, update, copy, clear, fromkeys
q = OrderedDict(a=1, b=2)
print(q.pop('a'), q.pop('zz', 'default'), q)
t(lambda: q.pop('zz'))
print(q.setdefault('b', 5), q.setdefault('c', 6), q.setdefault('d'), q)
print(q.get('c'), q.get('zz'), q.get('zz', 0), 'c' in q, 'zz' in q)
q.update([('e', 5)], f=6)
q.update({'a': 0})
print(q)
c = q.copy()
c['new'] = 1
print(type(c).__name__, len(q), len(c), list(c)[-1])
c.clear()
print(c)
print(OrderedDict.fromkeys('xyz', 0), OrderedDict.fromkeys([3, 1, 2]))

# equality is order-sensitive between OrderedDicts only
a = OrderedDict([('x', 1), ('y', 2)])
b = OrderedDict([('y', 2), ('x', 1)])
print(a == b, a != b, a == dict(b), dict(b) == a, a != dict(b))
print(a == OrderedDict([('x', 1), ('y', 2)]), a == OrderedDict(x=1), a == [('x', 1), ('y', 2)])

# iteration order and reversed
r = OrderedDict.fromkeys('hello world')
print(''.join(r), ''.join(reversed(r)), list(reversed(OrderedDict())))

# merging
print(OrderedDict(a=1) | {'b': 2}, {'b': 2} | OrderedDict(a=1))
i = OrderedDict(a=1)
i |= {'c': 3}
i |= [('d', 4)]
print(i)

# reprs, nested and recursive
print(OrderedDict(a=[1, 2], b=OrderedDict(c=3)))
rec = OrderedDict()
rec['self'] = rec
print(rec)
print(str(OrderedDict(a='x')))

# subclassing
class LastUpdated(OrderedDict):
    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        self.move_to_end(key)


lu = LastUpdated()
lu['a'] = 1
lu['b'] = 2
lu['a'] = 3
print(lu, list(lu), isinstance(lu, dict))
print(isinstance(OrderedDict(), dict), OrderedDict.__name__, OrderedDict.__module__)
try:
    hash(OrderedDict())
except TypeError:
    print('unhashable')
