# random: properties only (the generator differs from CPython's): ranges, lengths,
# determinism for a seed, argument errors.
import random

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

random.seed(12345)
a = [random.random() for _ in range(5)]
random.seed(12345)
b = [random.random() for _ in range(5)]
print(a == b, all(0.0 <= x < 1.0 for x in a), len(set(a)) == 5, type(a[0]).__name__)
for seed in [0, 1, -1, 2**100, 3.5, 'hello', b'bytes', bytearray(b'ba'), None]:
    random.seed(seed)
    x = random.random()
    random.seed(seed)
    print(repr(seed)[:12], (x == random.random()) or seed is None, 0.0 <= x < 1.0)
random.seed(1)
x1 = random.random()
random.seed(2)
print(x1 != random.random())
random.seed(7)
rs = [random.randint(1, 6) for _ in range(600)]
print(min(rs), max(rs), sorted(set(rs)), all(type(r) is int for r in rs))
rr = [random.randrange(10) for _ in range(300)]
print(min(rr) >= 0, max(rr) <= 9, len(set(rr)) == 10)
rr = [random.randrange(5, 50, 5) for _ in range(300)]
print(all(r % 5 == 0 and 5 <= r < 50 for r in rr), len(set(rr)) == 9)
rr = [random.randrange(10, 0, -3) for _ in range(200)]
print(sorted(set(rr)))
big = [random.randrange(2**100) for _ in range(50)]
print(all(0 <= v < 2**100 for v in big), max(big) > 2**90)
print(random.randrange(1), random.randint(5, 5), random.randrange(-3, -2), random.randrange(10.0) in range(10))
bits = [random.getrandbits(k) for k in (0, 1, 8, 64, 65, 200)]
print([0 <= v < 2**k for v, k in zip(bits, (0, 1, 8, 64, 65, 200))], random.getrandbits(0))
print(all(random.getrandbits(3) < 8 for _ in range(100)), len({random.getrandbits(3) for _ in range(200)}))
seq = ['a', 'b', 'c', 'd']
print(all(random.choice(seq) in seq for _ in range(50)), random.choice('x'), random.choice((9,)), random.choice(range(3, 4)))
lst = list(range(20))
random.shuffle(lst)
print(sorted(lst) == list(range(20)), len(lst))
one = [1]
random.shuffle(one)
print(one)
s = random.sample(range(100), 10)
print(len(s), len(set(s)), all(0 <= v < 100 for v in s), random.sample([1, 2, 3], 0), sorted(random.sample('abc', 3)))
s2 = random.sample(['x', 'y'], k=2)
print(sorted(s2), type(s2).__name__)
sc = random.sample(['a', 'b'], 5, counts=[2, 3])
print(sorted(sc))
c = random.choices([1, 2, 3], k=20)
print(len(c), set(c) <= {1, 2, 3}, random.choices('ab', k=0), random.choices([5]))
w = random.choices(['x', 'y'], weights=[0, 1], k=10)
print(w)
cw = random.choices(['x', 'y', 'z'], cum_weights=[0, 0, 5], k=5)
print(cw)
u = [random.uniform(2, 3) for _ in range(100)]
print(all(2 <= v <= 3 for v in u), random.uniform(1, 1))
tr = [random.triangular(0, 10, 2) for _ in range(100)]
print(all(0 <= v <= 10 for v in tr), 0 <= random.triangular() <= 1)
g = [random.gauss(5, 0) for _ in range(3)] + [random.normalvariate(1, 0)]
print(g)
e = [random.expovariate(2) for _ in range(50)]
print(all(v >= 0 for v in e), all(v >= 1 for v in (random.paretovariate(3) for _ in range(20))))
print(random.lognormvariate(0, 0), all(random.weibullvariate(1, 2) >= 0 for _ in range(10)))
rb = random.randbytes(10)
print(type(rb).__name__, len(rb), random.randbytes(0))
st = random.getstate()
x = [random.random() for _ in range(3)]
random.setstate(st)
print(x == [random.random() for _ in range(3)])
r1 = random.Random(99)
r2 = random.Random(99)
print([r1.random() for _ in range(3)] == [r2.random() for _ in range(3)], r1.randint(1, 3) in (1, 2, 3))
print(type(r1).__name__, isinstance(r1, random.Random), random.Random.__name__)
class MyRandom(random.Random):
    pass
m = MyRandom(5)
n = random.Random(5)
print(m.random() == n.random(), type(m).__name__)
for f, args, kw in [(random.randrange, (0,), {}), (random.randrange, (5, 2), {}), (random.randrange, (5, 2, 2), {}),
                    (random.randrange, (1, 5, 0), {}), (random.randrange, (1.5,), {}), (random.randrange, (1, 5.5), {}),
                    (random.randrange, (1, 5, 1.5), {}), (random.randrange, (10,), {'step': 2}), (random.randrange, ('a',), {}),
                    (random.randint, (5, 1), {}), (random.randint, (1.5, 3), {}), (random.choice, ([],), {}),
                    (random.sample, ([1, 2], 3), {}), (random.sample, ({1, 2}, 1), {}), (random.sample, ([1, 2], -1), {}),
                    (random.getrandbits, (-1,), {}), (random.seed, ([1],), {}), (random.choices, ([1, 2], [1]), {}),
                    (random.choices, ([1, 2], [0, 0]), {}), (random.choices, ([1, 2], 3), {}),
                    (random.choices, ([1, 2], [1, 2]), {'cum_weights': [1, 2]}), (random.shuffle, ((1, 2),), {}),
                    (random.random, (1,), {}), (random.randbytes, (-1,), {}), (random.uniform, (1,), {}),
                    (random.randrange, (), {}), (random.expovariate, (), {})]:
    t(lambda: f(*args, **kw))
