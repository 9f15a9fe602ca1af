# Comprehensions: scoping, nesting, walrus, class-body scoping
x = 'global x'
lst = [x for x in range(3)]
print(lst, x)
print([(i, j) for i in range(3) for j in range(i)], [[j for j in range(i)] for i in range(4)])
print({k: v for k, v in zip('abc', range(3)) if v}, {c for c in 'hello'} == set('helo'), [c for c in 'ab' for _ in (1, 2)])
print([i for i in range(10) if i % 2 if i % 3], [i if i % 2 else -i for i in range(5)], [y for x in [[1, 2], [3]] for y in x])
total = 0
print([total := total + v for v in range(5)], total)
print([last := v for v in 'abc'], last)
def walrus_fn():
    [w := i * 2 for i in range(3)]
    return w
print(walrus_fn())
print([(n, sq) for n in range(6) if (sq := n * n) % 2 == 0], sq)
for src in ['[i := 0 for i in range(3)]', '[j for j in range(3) if (j := 1)]', '[[(k := 1) for _ in range(1)] for k in range(2)]',
            'class Q: [(z := 1) for _ in range(1)]', '[(a, b) := (1, 2) for _ in range(1)]',
            '[total := total + v for total in [0] for v in range(1)]', '[x for x in range(3) if (y := x)]', 'def f():\n    [(q := 1) for _ in range(1)]\n    global q']:
    try:
        compile(src, '<s>', 'exec')
        print('compiled', src)
    except SyntaxError as e:
        print('SyntaxError:', e.msg)
class C:
    base = 10
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    try:
        added = [v + base for v in vals]
    except NameError as e:
        added = 'NameError ' + str(e)
    first_ok = [base for _ in range(1)] if False else None
    try:
        nested = [[base] for v in range(1)]
    except NameError as e:
        nested = 'NameError ' + str(e)
    comp_iter_uses_class = [v for v in vals if v > 1]
    gen_first = list(v for v in vals)
print(C.doubled, C.added, C.nested, C.comp_iter_uses_class, C.gen_first)
class D:
    n = 3
    r = list(range(n))
    sq = {i: i * i for i in range(n)}
print(D.r, D.sq)
def closure_in_comp():
    fns = [lambda: i for i in range(3)]
    return [f() for f in fns]
print(closure_in_comp())
def comp_sees_enclosing():
    k = 5
    return [k + i for i in range(2)], {k: i for i in range(1)}, (k for _ in range(1)).__next__()
print(comp_sees_enclosing())
i = 'outer'
gen = (i for i in range(2))
print(list(gen), i)
print([[i for i in range(2)] for i in 'ab'], i)
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(r) for r in zip(*matrix)], [[row[c] for row in matrix] for c in range(3)], sum(sum(r) for r in matrix))
print({x: y for x, y in [(1, 'a'), (1, 'b')]}, {(a, b) for a in range(2) for b in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
print([x for x in ()], {x for x in []}, {x: x for x in ''}, list(x for x in []))
data = {'a': [1, 2], 'b': [3]}
print({k: [v * 10 for v in vs] for k, vs in data.items()}, [k for k, vs in data.items() for v in vs])
def uses_global_in_comp():
    return [g_val for _ in range(2)]
g_val = 'G'
print(uses_global_in_comp())
try:
    [undefined_in_comp for _ in range(1)]
except NameError as e:
    print(type(e).__name__, e)
try:
    [1 for _ in 5]
except TypeError as e:
    print(type(e).__name__, e)
evaluated = []
def src(n):
    evaluated.append(n)
    return range(n)
g2 = (a for a in src(2) for b in src(3))
print(evaluated)
print(list(g2), evaluated)
print([(lambda: v)() for v in range(3)], [f() for f in [lambda v=v: v for v in range(3)]])
print([print_ret for print_ret in map(str, range(3))], list(map(lambda t: t[0] * t[1], zip(range(3), range(3)))))
def nested_scopes():
    a = 1
    def inner():
        return [[a + b for b in range(2)] for _ in range(2)]
    return inner()
print(nested_scopes())
print([y for y in range(3) if y != 1 for z in range(y)], [(x, y) for x in range(2) if x for y in range(2) if y])
print(sorted({s.lower() for s in ['A', 'a', 'B']}), {n % 3: n for n in range(10)})

# A walrus in a comprehension binds in the enclosing function, or globally where the function
# declares the name global.
def walrus_global():
    global walrus_g
    print([walrus_g := i for i in range(3)])
walrus_global()
print(walrus_g)

def walrus_nested():
    global walrus_h
    def inner():
        return [walrus_h := i for i in range(2)], walrus_h
    return inner()
print(walrus_nested(), 'walrus_h' in globals())
