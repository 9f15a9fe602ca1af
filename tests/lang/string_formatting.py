# %-formatting, str.format, format()
print('%s %r %a' % ('é', 'é', 'é'))
print('%d %i %u %5d|%-5d|%05d|%+d|% d|%x|%X|%#x|%#X|%o|%#o' % (1, 2, 3, 4, 5, 6, 7, 8, 255, 255, 255, 255, 8, 8))
print('%f|%.2f|%10.3f|%-10.1f|%e|%.3E|%g|%G|%.3g|%#g|%+.1f|% .1f' % ((3.14159,) * 12))
print('%c%c%c' % (65, 'b', 0x263A), '%%', '%5s|%-5s|%.2s|%5.1s|' % ('ab', 'ab', 'abc', 'xyz'))
print('%(a)s-%(b)05.1f-%(a)r' % {'a': 'x', 'b': 2.25}, '%(k)s' % {'k': [1]}, '%s' % {'k': 1})
print('%s' % (1,), '%s' % [1, 2], '%s %s' % (1, (2, 3)), '%s' % ((1, 2),), '%r' % (None,), '%d%%' % 50)
print('%*d|%-*d|%.*f|%*.*f' % (5, 1, 5, 2, 2, 3.14159, 8, 1, 2.25))
print('%d' % 3.99, '%d' % -3.99, '%i' % True, '%x' % -255, '%o' % -8, '%d' % 2 ** 70, '%x' % 2 ** 70, '%e' % 2 ** 70)
print('%s' % b'ab', '%r' % b'ab', b'%s %d %x' % (b'ab', 5, 255), b'%5s|' % b'a', b'%b' % b'x', b'%a' % 'é')
try:
    print(b'%c%c' % (65, b'B'))
except TypeError as e:
    print(type(e).__name__, e)
print('%.0f %.0f %.0f %.0f' % (0.5, 1.5, 2.5, -0.5), '%.15g' % 0.1, '%.17g' % 0.1, '%g' % 1e-5, '%g' % 123456789, '%g' % 100000)
print('%s|%5s|%-6r|' % (None, True, 'x'), '%.3s' % None, '%f' % 1, '%e' % 0, '%g' % float('inf'), '%f' % float('nan'), '%5.1f' % -float('inf'))
for fmt, args in [('%d', 'x'), ('%d %d', (1,)), ('%d', (1, 2)), ('%z', 1), ('%(a)s', (1,)), ('%(a)s', {}), ('%c', 'ab'),
                  ('%c', 0x110000), ('%x', 1.5), ('%s %', (1,)), ('%', ()), ('%(a', {'a': 1}), ('%*d', ('a', 1)), ('%d', None),
                  ('abc', 1), ('abc', (1,)), ('abc', {}), ('abc', []), ('%s', ())]:
    try:
        print(repr(fmt % args))
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(fmt, type(e).__name__, e)
# str.format
print('{} {} {}'.format(1, 'a', None), '{0} {1} {0}'.format('x', 'y'), '{a} {b}'.format(a=1, b=2), '{0[1]} {0[k]}'.format({1: 'one', 'k': 'kay'}))
print('{0.real} {0.imag}'.format(3 + 4j), '{[0]}{[1]}'.format('ab', 'cd'), '{x[0][1]}'.format(x=[[1, 2]]), '{!r:>6}'.format('a'), '{!s}'.format(1.0))
print('{:>8}|{:<8}|{:^8}|{:*^9}|{:08.3f}|{:+08d}|{:=+8d}|{:#010b}|{:,}|{:_b}'.format('r', 'l', 'c', 'm', -3.14159, 42, 42, 5, 10 ** 9, 255))
print('{:{}{}}'.format('x', '>', 5), '{0:{1}}|{0:{2}}'.format(3.5, '8.2f', '<6'), '{:{w}.{p}}'.format(1 / 3, w=10, p=4))
print('{{}} {{{}}} {}'.format(1, 2), '{:%}'.format(0.25), '{:.1%}'.format(1 / 3), '{:e}'.format(12345), '{:.2e}'.format(0.000123))
print('{:g} {:g} {:g} {:g} {:g}'.format(1e-5, 1e-4, 1e16, 1e15, 123.456e10), '{:.0e}'.format(5), '{:#.0f}'.format(5), '{:#x}'.format(0))
print('{:n} {:n}'.format(1234567, 1234.5), '{:c}'.format(97), '{:s}'.format('s'), '{:5}|{:5}|'.format(1, 'a'), '{:<5}|{:>5}|'.format(True, 'x'))
print('{:,.2f}'.format(1234567.125), '{:_.3f}'.format(1e6), '{:,}'.format(-1234.5), '{:08,}'.format(1234), '{:010,.1f}'.format(-1234.5))
print('{0!a}'.format('ñ'), '{:10.4}|'.format('abcdefg'), '{:.3}'.format(3.14159), '{:.3}'.format(31415.9), '{:g}'.format(0.0), '{:}'.format(-0.0))
print('{:x} {:X} {:o} {:b} {:#o} {:#b} {:d}'.format(255, 255, 8, 5, 8, 5, True), '{:.2f}'.format(2), '{:f}'.format(10 ** 20), '{:.1f}'.format(10 ** 25))
for fmt, args, kw in [('{}{}', (1,), {}), ('{0}{}', (1, 2), {}), ('{}{0}', (1, 2), {}), ('{a}', (), {}), ('{0[x}', ([],), {}),
                      ('{:d}', ('a',), {}), ('{:s}', (1,), {}), ('{!x}', (1,), {}), ('{', (), {}), ('}', (), {}), ('{0.nope}', (1,), {}),
                      ('{0[5]}', ([1],), {}), ('{:=}', ('a',), {}), ('{:,s}', ('a',), {}), ('{:+s}', ('a',), {}), ('{:#s}', ('a',), {}),
                      ('{:.2d}', (1,), {}), ('{:,x}', (1,), {}), ('{:c}', (-1,), {}), ('{:c}', (1.5,), {}), ('{0:{0}}', (1,), {}),
                      ('{:{:{}}}', (1, 2, 3), {}), ('{:<<5}', ('a',), {}), ('{:05s}', ('a',), {}), ('{x.y}', (), {'x': 1})]:
    try:
        print(repr(fmt.format(*args, **kw)))
    except (IndexError, KeyError, ValueError, TypeError, AttributeError, OverflowError) as e:
        print(fmt, type(e).__name__, e)
print('{0} {name}'.format_map({'name': 'N'}) if False else '{name}'.format_map({'name': 'N'}))
class D(dict):
    def __missing__(self, k): return '<' + k + '>'
print('{a} {b}'.format_map(D(a=1)))
# format() builtin
print(format(3.14159, '.2f'), format(42), format(42, 'x'), format('s', '>3'), format(None), format([1, 2]), format(1e20), format(1.0, ''))
print(format(12345.6789, ',.2f'), format(-0.0, '.1f'), format(-0.0001, '.1f'), format(-0.0001, 'z.1f'), format(0.5, '.0%'), format(True, ''), format(True, 'd'))
print(format(2 ** 100, ','), format(-2 ** 70, 'x'), format(2 ** 64, '#b')[:12], format(1 + 2j, ''), format(1 + 2j, '>12'), format(1.5 - 2j, '.2f'))
for v, spec in [(1, 's'), ('a', 'd'), (1.5, 'x'), ([], 'x'), (1j, 'd'), (1, '.'), (1, 'abc'), (1.5, '='), (None, 's')]:
    try:
        print(repr(format(v, spec)))
    except (ValueError, TypeError) as e:
        print(v, spec, type(e).__name__, e)
print(str.format('{}-{}', 1, 2), 'abc'.__format__(''), (5).__format__('03'), (2.5).__format__('06.2f'), object.__format__(1, ''))
try:
    object().__format__('x')
except TypeError as e:
    print(type(e).__name__, e)
print('%s and %s' % ('a', 'b'), '%-10s|' % 'hi', '%10.4f|' % 3.14159, '%x' % 3735928559, '%08.3e' % 12.5)
print('{:>{}}'.format('a', 3), '{:{}>{}}'.format('a', '-', 4), '{0:{fill}{align}{width}}'.format('b', fill='.', align='^', width=5))
