# Literal forms: ints, floats, complex, bytes, str, escapes, concatenation
print(0, 00, 0_0, 1_000_000, 0x_ff, 0XFF, 0o17, 0O1_7, 0b1010, 0B_1_0)
print(123456789012345678901234567890, 0xffff_ffff_ffff_ffff_ffff)
print(1., .5, 1.5e3, 1E-3, 1_0.0_1, 1e1_0, 0e0, 00.5, 1_2e-1_0)
print(3j, 1.5j, 1e3j, 0j, 1_0j, .5J, 10.J)
print(1 + 2j, -1j, (1 - 1j) * 1j, complex(1, -0.0), -0j)
print(type(1j).__name__, (2j).imag, (2j).real)
print(b'abc', b"a'b", B'x', rb'\n', Rb'\x', br'\t', b'\x00\xff\n\t\\')
print(b'\101\102\7', b'\1\12\123')
print('a\tb', 'a\\b', 'q\'q', "q\"q", '\x41\u00e9\U0001F600', '\101\60')
print('\N{LATIN SMALL LETTER E WITH ACUTE}', '\N{BULLET}', '\N{EM DASH}', len('\N{GREEK SMALL LETTER ALPHA}'))
print(repr('\N{NO-BREAK SPACE}'), ascii('\N{SNOWMAN}'))
print(r'\n\t\x', R'\N{BULLET}', r'\'', len(r'\''))
print('''tri
ple''', """dq
"uo"te""")
print('abc' 'def', 'x' "y" '''z''')
print(b'ab' b'cd', b'a' rb'\n')
x = 5
print('a' f'{x}' 'b', f'{x}' f'{x+1}', 'lit{' f'{x}' '}end')
print(f'{{}}' '{}', '{{' f'{{x}}', f'{x}{{' '}}')
print(rf'\n{x}', fr'{x}\t', Rf'{x}\\', FR'{x}')
print('\
continued')
print('a\
b')
print(len('\0'), ord('\0'), repr('\0'), repr('\x7f'), repr('\x80'), repr('\xa0'))
print(repr("'"), repr('"'), repr('\'"'), repr("a'b\"c"))
print(repr(b"'"), repr(b'"'), repr(b'\'"'), repr(b'\x7f\x80'))
print(repr('\r\n\t\v\f\b\a'))
print(repr('\U0010ffff'), repr('\u200b'), repr('\u0300'))
print(True + True, False * 3, None, ..., Ellipsis is ...)
print([1, 2,], (1,), (), {}, {1: 2,}, {1, 2,}, [])
print(0.1, 0.2 + 0.1, 1e16, 1e15, 1.0e-5, 1e-4, 123456789.123456789)
print(1e308 * 10, -1e308 * 10, 5e-324, 5e-325, 1.7976931348623157e308)
print(0x7fffffffffffffff + 1, -0x8000000000000000 - 1, 2**63, 2**64, -2**63)
for src in ['0_', '1__0', '0x', '09', '0b2', '0o8', '1_e5', '1e', '1.e_1', "b'\\u1234'", "b'é'",
            "'\\N{NO SUCH NAME}'", "'\\x4'", "'unterminated", "'''x", '1_.5', '0_7']:
    try:
        print(src, '->', repr(eval(src)))
    except SyntaxError as e:
        print(src, '-> SyntaxError')
print(eval("b'\\u1234'"), eval("'\\q'"))
print(int('1_000'), float('1_0.5'), int('0x1f', 16), int('0b101', 0), int(' 42 '), float(' -1.5e2 '))
for s in ['1__0', '_1', '1_', '0x_', '']:
    try:
        print(int(s, 0))
    except ValueError as e:
        print(type(e).__name__, e)
print(float('inf'), float('-Infinity'), float('nan'), float('+1E5'), float('.5'), float('5.'))
for s in ['1e', 'inf5', '1_', '_1', '1__0', 'nan(1)', '0x10']:
    try:
        print(float(s))
    except ValueError as e:
        print(type(e).__name__, e)
print(complex('1+2j'), complex('-3j'), complex(' (1-2j) '), complex('1e3'), complex('j'), complex('-j'))
for s in ['1+', 'j1', '1+2i', '(1+2j', '1 + 2j']:
    try:
        print(complex(s))
    except ValueError as e:
        print(type(e).__name__, e)
print(0 == -0, 0.0 == -0.0, repr(-0.0), -0.0 + 0.0, 0.0 * -1)
print(1 if 1_0 == 10 else 0, 0o777 == 511, 0b1111_1111 == 255, 0xDEAD_BEEF)
print('%s' % '\N{DEGREE SIGN}', '\N{degree sign}', '\N{LATIN CAPITAL LETTER A}')
print("\u00e9" == "\N{LATIN SMALL LETTER E WITH ACUTE}", '\xe9' == 'é')
print(b'\x00'.hex(), bytes([65, 66]), bytes(3), bytes('ab', 'ascii'))
print(repr("\\"), repr(r"\\"), len(r"\\"), repr('\\\''))
