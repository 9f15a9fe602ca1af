# collections.deque: construction, both ends, bounds, rotation, indexing, operators, errors.
from collections import deque


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


# construction and repr
print(deque())
print(deque([1, 2, 3]))
print(deque('abc'))
print(deque(range(5), 3))
print(deque(range(5), maxlen=2))
print(deque(maxlen=4))
print(deque([], 0))
print(deque(iterable=[1], maxlen=None))
print(deque((x * x for x in range(4))))
t(lambda: deque([1], -1))
t(lambda: deque([1], 'a'))
t(lambda: deque([1], 2.0))
t(lambda: deque(5))
t(lambda: deque([1], 2, 3))
t(lambda: deque(foo=1))
t(lambda: deque([1], 2**70))

# appending and popping
d = deque()
d.append(1)
d.append(2)
d.appendleft(0)
d.appendleft(-1)
print(d, len(d))
print(d.pop(), d.popleft(), d)
print(d.pop(), d.pop(), d)
t(lambda: d.pop())
t(lambda: d.popleft())
t(lambda: d.append())
t(lambda: d.append(1, 2))
t(lambda: d.pop(0))
t(lambda: d.appendleft())

# many items: growth of the ring buffer in both directions
d = deque()
for i in range(100):
    d.append(i)
    d.appendleft(-i)
print(len(d), d[0], d[-1], d[100], sum(d))
for i in range(150):
    d.popleft()
print(len(d), d[0], d[-1], list(d)[:5])
for i in range(20):
    d.append(d.popleft())
print(list(d)[:5], list(d)[-3:])

# bounded deques drop from the other end
b = deque(maxlen=3)
for i in range(6):
    b.append(i)
    print(b)
b.appendleft(9)
print(b)
b.extend([10, 11])
print(b)
b.extendleft([20, 21])
print(b, b.maxlen)
t(lambda: b.insert(0, 1))
z = deque(maxlen=0)
z.append(1)
z.appendleft(2)
z.extend(range(10))
print(z, len(z))

# extend / extendleft
e = deque([1, 2])
e.extend([3, 4])
e.extendleft([0, -1])
print(e)
e.extend(e)
print(e)
e.extendleft(e)
print(e)
e.extend('')
e.extend(range(2))
print(e)
t(lambda: e.extend(5))
t(lambda: e.extendleft(None))

# rotate
r = deque(range(6))
r.rotate()
print(r)
r.rotate(2)
print(r)
r.rotate(-3)
print(r)
r.rotate(13)
print(r)
r.rotate(-20)
print(r)
r.rotate(0)
print(r)
deque().rotate(5)
rr = deque(range(10))
rr.popleft()
rr.append(10)
rr.rotate(3)
print(rr)
rr.rotate(-7)
print(rr)
t(lambda: r.rotate('a'))
t(lambda: r.rotate(1, 2))
t(lambda: r.rotate(2**70))

# indexing
x = deque('abcdef')
print(x[0], x[-1], x[3], x[-6])
x[0] = 'A'
x[-1] = 'F'
print(x)
del x[1]
print(x)
del x[-2]
print(x)
t(lambda: x[10])
t(lambda: x[-10])
t(lambda: x['a'])
t(lambda: x[1:2])
t(lambda: x[2**70])


def setbad():
    x[10] = 1


def delbad():
    del x[-10]


t(setbad)
t(delbad)

# count, index, remove, insert, reverse, clear, copy
c = deque([1, 2, 3, 2, 1, 2])
print(c.count(2), c.count(5), c.count(1.0))
print(c.index(2), c.index(2, 2), c.index(2, 4), c.index(1, -2), c.index(3, 0, 3))
t(lambda: c.index(9))
t(lambda: c.index(3, 3))
t(lambda: c.index(2, 'a'))
t(lambda: c.index())
t(lambda: c.count())
c.remove(2)
print(c)
t(lambda: c.remove(9))
c.insert(0, 'a')
c.insert(100, 'z')
c.insert(-1, 'y')
c.insert(-100, 'first')
c.insert(3, 'mid')
print(c)
t(lambda: c.insert(1))
t(lambda: c.insert('a', 1))
c.reverse()
print(c)
cc = c.copy()
cc.append('new')
print(len(c), len(cc), cc[-1])
c.clear()
print(c, len(c), bool(c), bool(cc))
t(lambda: c.copy(1))
bc = deque([1, 2], maxlen=5).copy()
print(bc, bc.maxlen)

# iteration and membership
it = deque([1, 2, 3])
print(list(it), list(reversed(it)), [v * 2 for v in it], tuple(it))
print(2 in it, 5 in it, 2.0 in it, 'a' not in it)
print(sorted(deque([3, 1, 2])), max(it), min(it), sum(it))
itr = iter(it)
print(next(itr), next(itr), next(itr))
t(lambda: next(itr))


def mutate_during_iteration():
    m = deque([1, 2, 3])
    for v in m:
        m.append(v)


def pop_during_iteration():
    m = deque([1, 2, 3])
    for v in m:
        m.pop()


def set_during_iteration():
    m = deque([1, 2, 3])
    for v in m:
        m[0] = v
    return m


t(mutate_during_iteration)
t(pop_during_iteration)
t(set_during_iteration)

# comparisons
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) == deque([2, 1]), deque([1]) != deque([1]))
print(deque([1, 2]) == [1, 2], deque([1, 2]) != [1, 2], deque() == deque(maxlen=3))
print(deque([1, 2]) < deque([1, 3]), deque([1, 2]) <= deque([1, 2]), deque([2]) > deque([1, 9]))
print(deque([1, 2]) >= deque([1, 2, 0]), deque('abc') < deque('abd'))
# (messages naming the class say 'collections.deque' in CPython: only the types are checked)
try:
    deque([1]) < [2]
except TypeError:
    print('TypeError <')
try:
    hash(deque())
except TypeError:
    print('TypeError hash')

# operators
print(deque([1, 2]) + deque([3]))
print(deque([1, 2], maxlen=3) + deque([3, 4]))
print(deque([1, 2]) * 3, 2 * deque('ab'), deque([1]) * 0, deque([1, 2]) * -1)
print(deque([1, 2, 3], maxlen=4) * 3)
print(deque([1, 2, 3], maxlen=2) * 2)
t(lambda: deque() + [1])
t(lambda: deque([1]) * 'x')
t(lambda: deque([1]) * 1.5)
t(lambda: deque([1]) * 2**70)
ia = deque([1])
ia += [2, 3]
ia += 'ab'
print(ia)
im = deque([1, 2], maxlen=5)
im *= 3
print(im)
im *= 0
print(im)
alias = ia
ia += ia
print(alias is ia, alias)

# nested and recursive reprs
n = deque([deque([1]), [2, 3], (4,), {'k': deque()}])
print(n)
rec = deque([1])
rec.append(rec)
print(rec)
print(str(deque([1, 'a'])))

# subclassing
class Stack(deque):
    def push(self, v):
        self.append(v)

    def peek(self):
        return self[-1]


s = Stack([1, 2])
s.push(3)
print(s, s.peek(), len(s), isinstance(s, deque), type(s).__name__)
print(Stack('ab', 1), s.copy(), type(s.copy()).__name__)
print(s + Stack([9]), type(s + Stack([9])).__name__)
print(s == deque([1, 2, 3]), Stack([1]) * 2)


class Init(deque):
    def __init__(self, n):
        super().__init__(range(n), maxlen=n + 1)
        self.extra = 'x'


i = Init(3)
print(i, i.extra, i.maxlen)

# attributes and errors
print(deque.__name__, deque([1, 2, 3], 5).maxlen, deque().maxlen)
t(lambda: deque.append(1, 2))
t(lambda: deque.__new__(int))
print(type(deque()) is deque, deque.__module__)
