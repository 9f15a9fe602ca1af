# Operators and precedence on ints, big ints, floats, bools, mixed types
big = 2**100
vals = [0, 7, -7, 3, -3, big, -big, 2.5, -2.5, True, False]
ops = [('+', lambda a, b: a + b), ('-', lambda a, b: a - b), ('*', lambda a, b: a * b),
       ('/', lambda a, b: a / b), ('//', lambda a, b: a // b), ('%', lambda a, b: a % b),
       ('**', lambda a, b: a ** b), ('<<', lambda a, b: a << b), ('>>', lambda a, b: a >> b),
       ('&', lambda a, b: a & b), ('|', lambda a, b: a | b), ('^', lambda a, b: a ^ b)]
for name, f in ops:
    row = []
    for a in [7, -7, big, -big, 2.5, True]:
        for b in [3, -3, 0, 2, True, 0.5]:
            try:
                r = f(a, b)
                if isinstance(r, float):
                    r = round(r, 6)
                if isinstance(r, int) and abs(r) > 10**40:
                    r = 'big%d' % (r % 1000003)
                row.append(str(r))
            except Exception as e:
                row.append(type(e).__name__)
    print(name, ' '.join(row))
print(-7 ** 2, (-7) ** 2, 2 ** -1, 2 ** 3 ** 2, -2 ** -2, (-8) ** (1/3) if False else 0)
print(not 1 == 2, not (1 and 0), 1 + 2 * 3 - 4 / 2, (1 + 2) * 3, 10 - 3 - 2, 2 * 3 % 4, 7 // 2 * 2)
print(1 | 2 ^ 3 & 4, (1 | 2) ^ 3 & 4, 1 << 2 + 1, 1 + 1 << 2, -1 >> 1, ~5, ~-1, ~True, -True, +False)
print(1 < 2 < 3, 3 > 2 > 2, 1 < 3 > 2, 1 == 1.0 == True, 1 < 2 == 2 != 3, 1 is not None is not False)
print(None or 0 or '' or 'x', 1 and 2 and 0 and 3, [] or {}, 0 and 1/0, 1 or 1/0, not [], not [0])
print(3 if 0 else 4 if 0 else 5, (lambda: 1 if True else 2)(), [1, 2] * 2, 2 * 'ab', (1,) + (2,), -0.0 == 0)

calls = []
def t(v):
    calls.append(v)
    return v
print(t(1) < t(2) < t(0) < t(5), calls)
calls.clear()
print(t(0) and t(1), t(1) or t(2), calls)
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, 1 in a, 3 not in a, 'b' in 'abc', '' in 'abc', 'ac' in 'abc')
print(2 in {1: 2}, 1 in {1: 2}, 1.0 in [1], True in [1], None in [None], [1] in [[1]], (1, 2) in {(1, 2)})
print(1 == 1.0, hash(1) == hash(1.0) == hash(True), 0.1 + 0.2 == 0.3, big == 2.0**100, big + 1 == 2.0**100, big + 1 > 2.0**100)
print(float('inf') > big, float('-inf') < -big, 10**400 > 1e308, -10**400 < -1e308, 10**400 == float('inf'))
print(1 < 1.5 < 2, 2**53 + 1 == 2.0**53, 2**53 + 1 > 2.0**53, 9007199254740993 < 9007199254740992.0)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), [2] > [1, 9], 'abc' < 'abd', 'Z' < 'a', b'a' < b'b', (1, 'a') < (1, 'b'))
for a, b in [(1, 'a'), ([1], (1,)), (None, None), ({}, {}), (1j, 2j), ('a', b'a'), ({1}, [1])]:
    try:
        print(a < b)
    except TypeError as e:
        print(type(e).__name__, e)
print({1} < {1, 2}, {1, 2} <= {1, 2}, {1} > set(), {1} == frozenset([1]), 1j == 1j, 'a' == b'a', 1 == '1')
for expr in ['1 + "a"', '"a" + 1', '[1] + (1,)', '"a" * 2.0', '1 / 0', '1 // 0', '1 % 0', '1.0 / 0',
             '1.0 // 0.0', '1.0 % 0.0', '0 ** -1', '0.0 ** -1', '1 << -1', '1 >> -1', '1.5 << 1', '~1.5', '-"a"',
             '2 ** 0.5', '(-8) ** 0.5', '10 ** -2', '(-2) ** 2.5 == (-2) ** 2.5', 'None + None', '[] - []',
             '{1} | {2}', '{1: 1} | {2: 2}', '{1} & [1]', '1 @ 2', '1 << 100', '-1 << 100', 'big >> 99', '-big >> 200',
             'big & -big', 'big | 1', 'big ^ big', '-1 & 0xff', '-256 | 0xff', 'True + 0.5', 'True & False', 'True | 2',
             'True ^ True', 'type(True & True).__name__', 'type(True + True).__name__', '5 % -3', '-5 % 3', '5.5 % -2',
             '-5.5 // 2', 'divmod(-7, 2)', 'divmod(7, -2)', 'divmod(-7.5, 2)', '2 ** 100 % 7', 'pow(2, 100, 7)', '1e308 + 1e308',
             '1e308 * -10', 'float("inf") - float("inf")', '0 * float("inf")', '(1+2j) * (3-4j)', '(1+2j) / (3-4j)', '1j ** 2',
             '(1+1j) // 1', 'abs(3+4j)', '1j > 0', 'not 1j', '-(1-1j)', '10 ** 20 // 3', '-(10 ** 20) // 3', '10 ** 20 % -7']:
    try:
        print(expr, '=', eval(expr))
    except Exception as e:
        print(expr, '!', type(e).__name__, e)
x = 5
x += 1; x -= 2; x *= 3; x //= 5; x **= 3; x %= 5; x <<= 4; x >>= 1; x |= 1; x ^= 3; x &= 6
print(x)
f = 1.5
f /= 2; f -= 1; f *= -4
print(f)
l = [1]
l2 = l
l += [2]
l *= 2
print(l, l2, l is l2)
t = (1,)
t2 = t
t += (2,)
print(t, t2, t is t2)
s = 'a'
s += 'b'; s *= 3
print(s)
print(1 if [] else 2, 0 or None, (not 0) + 1, -(-3), +-+-3, - - 1, ~~7)
print(isinstance(True, int), True == 1, True is 1 if False else 'skip', 3 * True, True / 2, True // True)

# `in` with an int on the right is an error even between two small ints.
for left, right in [(1, 1), (2, 5), (True, 1)]:
    try:
        print(left in right)
    except TypeError as e:
        print('TypeError', e)
