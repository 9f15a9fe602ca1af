# Comprehensions, scopes, walrus, unpacking, chained comparisons, globals.
print([x for x in range(5)], {x: x * x for x in range(4)}, {x % 3 for x in range(10)})
print([(x, y) for x in range(3) for y in range(x)])
print([y for x in [[1, 2], [3]] for y in x if y != 2])
data = [1, 5, 2, 8, 3]
if (n := len(data)) > 3:
    print("long", n)
print([m for v in data if (m := v * 2) > 4])
a, *b, c = range(6)
print(a, b, c)
(x, y), z = (1, 2), 3
print(x, y, z)
first, *rest = "hello"
print(first, rest)
print(1 < 2 < 3, 1 < 3 < 2, 1 == 1 != 2)
print([*range(3), *"ab"], {**{'a': 1}, 'b': 2}, (*[1], 2))
print(f"{'nested'!r:>10}|{3+4=}|{x=}")
val = 1
def test():
    val = 2
    return [val for _ in range(1)], eval("val"), locals()
print(test())
class K:
    attr = 5
    items = [attr * i for i in range(3)] if False else None
print(K.items)
print(sorted({3: 'c', 1: 'a', 2: 'b'}.items()))
print(list(map(lambda t: t[0] * t[1], zip([1, 2, 3], [4, 5, 6]))))
print(list(filter(None, [0, 1, '', 'a', None, [1]])))
print(list(enumerate("abc", 1)), list(reversed([1, 2, 3])))
print(any(x > 3 for x in data), all(x > 0 for x in data), min(data), max(data, key=lambda v: -v), sum(data))
exec("q = 42")
print(q)
g = {}
exec("def f(): return 7", g)
print(g['f']())
print(eval("1 + 2 * 3"), eval("x + y", {'x': 1, 'y': 2}))
print(divmod(17, 5), divmod(-17, 5), pow(2, 10), pow(2, 10, 1000), abs(-3), round(2.675, 2), round(0.5), round(1.5))
print(hex(255), oct(8), bin(5), chr(97), ord('€'), ascii('é'), repr('it\'s'), format(3.14159, '.3f'))
print(int('42'), float('3.5'), str(12), bool([]), list('ab'), tuple([1]), dict(a=1), set([1, 1]))
print(isinstance(True, int), type(1.0).__name__, callable(len), hash(1) == hash(1.0))
print(sorted([3, 1, 2], reverse=True), sorted("bca"), sorted([(2, 'b'), (1, 'a')]))
print(getattr([], 'nope', 'default'), hasattr("", 'upper'))
