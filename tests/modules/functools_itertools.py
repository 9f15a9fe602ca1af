# functools (reduce, partial, wraps, cmp_to_key, total_ordering, lru_cache, cache) and itertools
# (every iterator building block): what they compute, as CPython.
import functools, itertools
from functools import reduce, partial, wraps, cmp_to_key, total_ordering, lru_cache
print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 7))
try: reduce(lambda a, b: a, [])
except TypeError as e: print('TypeError', e)
p = partial(int, base=2); print(p('101'), p.args, p.keywords)
p2 = partial(partial(max, 3), 9); print(p2(5), p2.func is max, p2.args)
def deco(f):
    @wraps(f)
    def inner(*a):
        return f(*a)
    return inner
@deco
def named(x):
    "doc here"
    return x
print(named.__name__, named.__doc__, named.__wrapped__(3))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(2) >= V(2), V(3) > V(2), V(1) > V(2))
@lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
@functools.cache
def sq(x): return x * x
print(sq(4), sq(4))
it = itertools
print(list(it.islice(it.count(5, 2), 4)), list(it.islice(it.cycle('ab'), 5)), list(it.repeat('x', 3)))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3], lambda a, b: a * b, initial=10)))
print(list(it.chain('ab', [1, 2])), list(it.chain.from_iterable(['xy', 'z'])))
print(list(it.compress('abcdef', [1, 0, 1, 0, 1, 1])), list(it.dropwhile(lambda x: x < 3, [1, 4, 2])), list(it.takewhile(lambda x: x < 3, [1, 2, 4, 1])))
print(list(it.filterfalse(None, [0, 1, '', 'a'])))
print([(k, list(g)) for k, g in it.groupby('aaabccaa')], [(k, len(list(g))) for k, g in it.groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
print(list(it.islice('abcdefg', 2)), list(it.islice('abcdefg', 1, 6, 2)), list(it.islice('abc', None)))
print(list(it.starmap(pow, [(2, 3), (3, 2)])))
a, b = it.tee([1, 2, 3]); print(list(a), list(b))
print(list(it.zip_longest('ab', 'xyz', fillvalue='-')), list(it.pairwise('abcd')))
print(list(it.product('ab', [1, 2])), len(list(it.product(range(3), repeat=3))))
print(list(it.permutations('abc', 2)), len(list(it.permutations(range(5)))))
print(list(it.combinations('abcd', 2)), list(it.combinations_with_replacement('ab', 2)), list(it.combinations('ab', 3)))
