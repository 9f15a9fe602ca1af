# f-strings: quotes, nested specs, conversions, = debugging, user objects
x, y, name = 42, 3.14159, 'world'
print(f'{x}', f"{x!r}", f'{name!r}', f'{name!s}', f'{name!a}', f'{"é"!a}', f'{"é"!r}')
print(f'{x:5}|{x:<5}|{x:^5}|{x:>5}|{x:05}|{x:+}|{-x: }|{x:x}|{x:#X}|{x:#o}|{x:#b}|{x:,}')
print(f'{y:.2f}|{y:10.3f}|{y:<10.1e}|{y:%}|{y:.0%}|{y:g}|{1e20:g}|{y:+.3}|{1234567.891:,.2f}|{1234567:_}')
w, p = 10, 3
print(f'{y:{w}.{p}f}|{y:{w}}|{name:{"*"}^{w}}|{x:{"#"}{"x"}}')
print(f'{name:>{w}}', f'{name:^{w+2}}', f'{x:0{w}d}')
d = {'a': 1, 'b': [1, 2]}
print(f'{d["a"]}', f"{d['b'][1]}", f'''{d["a"] + d['a']}''', f"""{'"'}""")
print(f'{"nested {braces}"}', f'{"{x}"}', f'{{x}}', f'{{{x}}}', f'{{{{x}}}}')
print(f'{x=}', f'{x = }', f'{x=:5}', f'{name=!s}', f'{name=}', f'{y=:.2f}', f'{x+1=}', f'{ x = !r:>6}')
print(f'{d["a"]=}', f'{[i*i for i in range(3)]=}')
print(f'{3 if x else 4}', f'{(lambda v: v * 2)(x)}', f'{x:{"<" if x else ">"}5}|')
print(f'{x,}', f'{x, y}', f'{(x, y)!r}', f'{[x, y]}', f'{ {"k": 1}["k"] }', f'{ {1, 2} }')
print(f'{x}' f'{y}' 'plain' f'{name}', f'a' 'b' f'c')
print(f'{"abc":.2}', f'{"abc":5}|', f'{"abc":>5}', f'{None}', f'{None!r:>6}', f'{True:d}', f'{True}')
print(f'{3+4j}', f'{3+4j:.1f}', f'{1e100}', f'{float("inf"):5}', f'{float("nan")}', f'{-0.0}')
print(f'{b"abc"}', f'{b"abc"!r}', f'{bytes([200])}')
print(f'\N{BULLET} {x}')
print(f'{x!r:>5}', f'{name!r:^12}', f'{name!a:*<10}')
print(f'newline\n{x}', f'tab\t{x}', rf'raw\n{x}')
print(f'{x:{w}}{y:.{p}}', f'{x:{"<"}{w}}')

class Point:
    def __init__(self, x, y): self.x, self.y = x, y
    def __repr__(self): return f'Point({self.x!r}, {self.y!r})'
    def __str__(self): return f'({self.x}, {self.y})'
    def __format__(self, spec):
        if spec == '': return str(self)
        if spec == 'polar': return 'polar!'
        return f'<{self.x:{spec}}, {self.y:{spec}}>'

pt = Point(1, 'é')
print(f'{pt}', f'{pt!r}', f'{pt!s}', f'{pt!a}', f'{pt:polar}', f'{Point(1.5, 2.25):.1f}', f'{pt=}')
print(format(pt), format(pt, 'polar'), '{}'.format(pt), '{!r}'.format(pt), '{:polar}'.format(pt))

class NoFormat:
    def __repr__(self): return 'NF'
print(f'{NoFormat()}', f'{NoFormat():}')
try:
    print(f'{NoFormat():>5}')
except TypeError as e:
    print(type(e).__name__, e)

class BadFormat:
    def __format__(self, spec): return 42
try:
    f'{BadFormat()}'
except TypeError as e:
    print(type(e).__name__, e)

for bad in ['{x:d}', '{name:d}', '{y:d}', '{x:s}', '{name:.2f}', '{x:,d}', '{x:z}']:
    try:
        print(bad, eval('f' + repr(bad)))
    except (ValueError, TypeError) as e:
        print(bad, type(e).__name__, e)

for src in ["f'{'", "f'}'", "f'{}'", "f'{x!z}'", "f'{x!}'", "f'{x'", "f'{ }'"]:
    try:
        eval(src)
        print(src, 'ok')
    except SyntaxError as e:
        print(src, 'SyntaxError')

def gen():
    return [f'{i}:{j}' for i in range(2) for j in 'ab']
print(gen())
items = [('a', 1), ('bb', 22)]
for k, v in items:
    print(f'{k:<4}|{v:>4}|')
width = 6
print('\n'.join(f'{n:>{width}.2f}' for n in (1, 22.5, 333.125)))
print(f'{x:>{width}}', f"{'left':<{width}}|", f'{x:^#{width}x}')
print(f'{1_000_000:,}', f'{1000000:_x}', f'{12345.678:_.1f}', f'{0.000123:e}', f'{123:e}')
print(f'{x:c}', f'{65:c}', f'{0x1F600:c}', f'{x:n}', f'{y:n}', f'{-5:=+6}', f'{5:=6}')
print(f'{"x"!r:5}|', f'{12:<+5}|', f'{-12:^7}|', f'{0.5:.0f}', f'{1.5:.0f}', f'{2.5:.0f}')
s = 'abc'
print(f'{s[0]}{s[-1]}', f'{s[::-1]}', f'{s.upper()}', f'{len(s)}', f'{s!r:>{len(s)+4}}')
print(f'{"a" "b"}', f"{'c' 'd'}")
