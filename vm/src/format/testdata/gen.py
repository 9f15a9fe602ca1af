"""Generates the test tables in this directory from CPython 3.11.

Usage: python3 gen.py [OUT_DIR [SCALE [SEED]]]. The committed tables use the
defaults (this directory, scale 1, seed 12345); a larger SCALE and other seeds
make much bigger tables for one-off checks (point a copy of the module at them).
Row format: value<TAB>spec<TAB>=result or !error-message, escaped as in esc().
"""
import random, struct, math, sys, os

if sys.version_info[:2] != (3, 11):
    sys.exit('run with CPython 3.11: the expected outputs are 3.11\'s')

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
SCALE = int(sys.argv[2]) if len(sys.argv) > 2 else 1
SEED = int(sys.argv[3]) if len(sys.argv) > 3 else 12345
os.makedirs(OUT, exist_ok=True)
rnd = random.Random(SEED)


def esc(s):
    out = []
    for c in s:
        o = ord(c)
        if c == '\\':
            out.append('\\\\')
        elif c == '\t':
            out.append('\\t')
        elif c == '\n':
            out.append('\\n')
        elif o < 32 or 0x7f <= o <= 0xa0 or c.isspace() or 0xd800 <= o < 0xe000 or o in (0x2028, 0x2029, 0x85):
            out.append('\\u{%x}' % o)
        else:
            out.append(c)
    return ''.join(out)


def bits(x):
    return '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]


def frombits(b):
    return struct.unpack('<d', struct.pack('<Q', b))[0]


def res(f):
    try:
        return '=' + esc(f())
    except (ValueError, OverflowError) as e:
        return '!' + esc(str(e))


def write(name, rows):
    with open(os.path.join(OUT, name), 'w', encoding='utf-8') as fh:
        for r in rows:
            fh.write('\t'.join(r) + '\n')


def rand_float():
    k = rnd.random()
    if k < 0.25:
        while True:
            x = frombits(rnd.getrandbits(64))
            if not math.isnan(x):
                return x
    if k < 0.5:
        return rnd.choice([-1, 1]) * rnd.random() * 10.0 ** rnd.randint(-25, 25)
    if k < 0.7:
        # short decimals, many exactly halfway in binary
        d = rnd.randint(0, 10 ** rnd.randint(1, 6))
        return rnd.choice([-1, 1]) * d / 10.0 ** rnd.randint(0, 6)
    if k < 0.8:
        return rnd.choice([-1, 1]) * rnd.randint(0, 2 ** rnd.randint(1, 60)) / 2.0 ** rnd.randint(0, 12)
    if k < 0.9:
        return rnd.choice(SPECIAL)
    return rnd.choice([-1, 1]) * rnd.random() * 10.0 ** rnd.randint(-320, 308)


SPECIAL = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, 0.125, 0.375, 2.675, 1e16, 1e17, 1e15, 9999999999999998.0,
           1e22, 1e23, 1e-4, 1e-5, 0.0001, 0.00001, 123456789012345.0, 1234567890123456.8,
           5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, float('inf'), float('-inf'),
           float('nan'), 0.1, 0.2, 0.3, 1/3, 2/3, 100.0, 1e100, 1e-100, 9.5, 99.5, 999.5, 0.05, 0.15,
           0.25, 0.35, 1e300, 123.456, -123.456, 1e-7, 1.5e-7, 9.999999999999999e22]


def rand_spec(types, allow_float_opts=True):
    s = ''
    r = rnd.random()
    if r < 0.3:
        s += rnd.choice(' *x0é=<>^{#') + rnd.choice('<>=^')
    elif r < 0.5:
        s += rnd.choice('<>=^')
    if rnd.random() < 0.3:
        s += rnd.choice('+- ')
    if rnd.random() < 0.1:
        s += 'z'
    if rnd.random() < 0.2:
        s += '#'
    if rnd.random() < 0.25:
        s += '0'
    if rnd.random() < 0.5:
        s += str(rnd.choice([0, 1, 5, 8, 10, 12, 15, 20, 25, 30]))
    if rnd.random() < 0.25:
        s += rnd.choice([',', '_', ',', '_', ',_'])
    if allow_float_opts and rnd.random() < 0.6:
        s += '.' + str(rnd.choice([0, 1, 2, 3, 5, 6, 10, 15, 16, 17, 20, 25, 40]))
    if rnd.random() < 0.85:
        s += rnd.choice(types)
    return s


def gen_repr():
    rows = []
    vals = list(SPECIAL)
    for _ in range(700 * SCALE):
        x = frombits(rnd.getrandbits(64))
        if not math.isnan(x):
            vals.append(x)
    for _ in range(300 * SCALE):
        vals.append(rand_float())
    for e in range(-30, 30):
        p = 10.0 ** e
        vals += [p, math.nextafter(p, 0), math.nextafter(p, math.inf)]
    for e in range(-1074, 1024, 7):
        vals.append(2.0 ** e)
    for v in vals:
        rows.append((bits(v), repr(v)))
    write('repr.txt', rows)


def gen_float():
    rows = []
    fixed = [(1.0, ''), (1e16, ''), (1.5, '.3'), (100.0, '.3'), (0.125, '.2f'), (2.675, '.2f'),
             (0.1, '.30f'), (1e300, 'f'), (float('inf'), '010'), (float('nan'), '+010'),
             (-0.0, 'z'), (-0.0001, 'z.2f'), (1234.5, '020,.2f'), (1.0, '#'), (1e16, '#'),
             (1e16, '#.3'), (0.5, '.0f'), (1.5, '.0f'), (2.5, '.0%'), (0.0, '.0e'), (0.0, '#.0e'),
             (123.0, '#.0f'), (1.0, 'd'), (1.0, 'c'), (1.0, '\x01'), (1.0, '_n'), (1.0, 'abc'),
             (5e-324, '.800e'), (1.5, '\u0661\u0660'), (1.5, '.\u0663f'), (2.0, '*<\u0665'), (5e-324, '.1100f'), (1e22, '.40g'), (0.1, '#.40g'), (1.0, '.3000000000f')]
    for x, s in fixed:
        rows.append((bits(x), esc(s), res(lambda: format(x, s))))
    for _ in range(1500 * SCALE):
        x = rand_float()
        s = rand_spec(['e', 'E', 'f', 'F', 'g', 'G', 'n', '%', 'e', 'f', 'g', '%', 'd', 'x'])
        rows.append((bits(x), esc(s), res(lambda: format(x, s))))
    write('float.txt', rows)


def gen_dtoa():
    rows = []
    for _ in range(1000 * SCALE):
        x = rand_float()
        code = rnd.choice('eEfFgG')
        p = rnd.choice([0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 16, 17, 18, 20, 25, 30, 50, 100])
        if rnd.random() < 0.03:
            p = rnd.choice([400, 800])
        if code in 'fF' and abs(x) > 1e100 and p > 50:
            p = 5
        rows.append((bits(x), '%s%d' % (code, p), res(lambda: ('%.' + str(p) + code) % x)))
    write('dtoa.txt', rows)


def gen_round():
    rows = []
    cases = [(2.675, 2), (0.5, 0), (1.5, 0), (2.5, 0), (1234.5678, -2), (1.7976931348623157e308, -308),
             (1.7976931348623157e308, -305), (5e-324, 323), (5e-324, 324), (0.125, 2), (-0.125, 2),
             (-0.4, 0), (1e300, -300), (12345.0, -309), (-12345.0, -400)]
    for _ in range(500 * SCALE):
        x = rand_float()
        n = rnd.randint(-20, 20) if rnd.random() < 0.8 else rnd.randint(-330, 330)
        cases.append((x, n))
    for x, n in cases:
        rows.append((bits(x), str(n), res(lambda: bits(round(x, n)))))
    write('round.txt', rows)


def rand_int():
    k = rnd.random()
    if k < 0.3:
        return rnd.randint(-1000, 1000)
    if k < 0.6:
        return rnd.randint(-2 ** 64, 2 ** 64)
    if k < 0.8:
        return rnd.randint(-10 ** 40, 10 ** 40)
    if k < 0.9:
        return rnd.choice([0, 1, -1, 65, 0x10ffff, 0x110000, 2 ** 63, -2 ** 63, 2 ** 63 - 1, 2 ** 1024,
                           2 ** 1024 - 2 ** 970, 2 ** 1024 - 2 ** 971, 2 ** 53 + 1, 2 ** 53 + 3, 0xD800])
    return rnd.randint(0, 0x10ffff)


def gen_int():
    rows = []
    for _ in range(1500 * SCALE):
        v = rand_int()
        s = rand_spec(['b', 'c', 'd', 'o', 'x', 'X', 'n', 'd', 'x', 'e', 'f', 'g', '%', 's', 'z', 'G'],
                      rnd.random() < 0.1)
        if s.endswith('c') and 0xd800 <= v < 0xe000:
            continue
        rows.append((str(v), esc(s), res(lambda: format(v, s))))
    write('int.txt', rows)


def gen_str():
    rows = []
    words = ['', 'a', 'abc', 'héllo', 'spam and eggs', '日本語', 'x' * 30]
    for _ in range(400 * SCALE):
        v = rnd.choice(words)
        s = rand_spec(['s', 's', 'd', 'r'], True)
        rows.append((esc(v), esc(s), res(lambda: format(v, s))))
    write('str.txt', rows)


def rand_directive(types):
    d = '%'
    for f in '-+ #0':
        if rnd.random() < 0.25:
            d += f
    if rnd.random() < 0.6:
        d += str(rnd.choice([1, 3, 5, 8, 10, 12, 20]))
    if rnd.random() < 0.6:
        d += '.' + str(rnd.choice([0, 1, 2, 3, 5, 6, 10, 17, 25]))
    return d + rnd.choice(types)


def gen_percent():
    rows = []
    for _ in range(800 * SCALE):
        x = rand_float()
        d = rand_directive('eEfFgG')
        rows.append(('f:' + bits(x), esc(d), res(lambda: d % x)))
    for _ in range(600 * SCALE):
        v = rand_int()
        d = rand_directive('diuoxX')
        rows.append((str(v), esc(d), res(lambda: d % v)))
    write('percent.txt', rows)


def fl(s):
    def f():
        x = float(s)
        return 'nan' if math.isnan(x) else bits(x)
    return res(f)


def add_underscores(s):
    out = ''
    for i, c in enumerate(s):
        out += c
        if c.isdigit() and i + 1 < len(s) and s[i + 1].isdigit() and rnd.random() < 0.2:
            out += '_'
    return out


def gen_parse_float():
    rows = []
    strs = ['1', '1.', '.5', '.', '', ' ', '1e5', '1E+5', '1e-5', '1e', 'e5', '1.5e', '+1', '-1', '+-1',
            'inf', '-inf', '+inf', 'INF', 'Infinity', '-iNfInItY', 'infinit', 'nan', '-nan', '+NaN',
            'nan(1)', '1_000.5', '1__0', '_1', '1_', '1_.5', '1._5', '1e1_0', '1e_10', '0x10', '1.5j',
            ' \t\n 1.5 \r\x0b\x0c', '\x1c1\x1f', '\u00a01\u2003', '\u30001\u3000', '1 2', '- 1',
            '1e400', '-1e400', '1e-400', '2.4703282292062327e-324', '2.4703282292062328e-324',
            '9007199254740993', '9007199254740993.0000000000000000000001', '0.1', '00000.1', '0e0',
            '1' * 400, '0.' + '0' * 400 + '1', '1.7976931348623157e308', '1.7976931348623159e308',
            '1e99999999999999999999', '1e-99999999999999999999', 'infinity_', 'in f', '1.0.0', '١',
            '1e+', '1e-', '--1', '0_0', '00_1', '1.5_5e1_5', '\u00851', '\u0661\u0662\u0663', '\u0661.\u0665', '\u0661e\u0662', '\uff11_\uff12', '1\u00bd', '\u2167']
    for _ in range(300 * SCALE):
        x = rand_float()
        s = repr(x) if rnd.random() < 0.5 else ('%.' + str(rnd.randint(0, 25)) + rnd.choice('efg')) % x
        if rnd.random() < 0.4:
            s = add_underscores(s)
        if rnd.random() < 0.2:
            s = rnd.choice([' ', '\t', '\n']) + s + rnd.choice([' ', '', '\n'])
        strs.append(s)
    for s in strs:
        rows.append((esc(s), '-', fl(s)))
    write('parse_float.txt', rows)


def gen_parse_int():
    rows = []
    cases = [('0', 0), ('00', 0), ('010', 0), ('0_0', 0), ('0_7', 0), ('0x10', 0), ('0X_1f', 0), ('0x', 0),
             ('0x_', 0), ('0o17', 0), ('0b101', 0), ('0b2', 0), ('0b1', 16), ('0x1f', 16), ('0x1f', 10),
             ('0o17', 8), ('0b11', 2), ('1_000', 10), ('1__000', 10), ('_1', 10), ('1_', 10), ('-0', 10),
             ('+12', 10), ('- 12', 10), (' 12 ', 10), ('\t-12\n', 10), ('', 10), (' ', 10), ('z', 36),
             ('Z', 36), ('zz', 35), ('123', 3), ('9223372036854775807', 10), ('9223372036854775808', 10),
             ('-9223372036854775808', 10), ('-9223372036854775809', 10), ('18446744073709551616', 10),
             ('1' * 100, 10), ('f' * 40, 16), ('-' + '7' * 50, 8), ('1' * 200, 2), ('0x' + 'f' * 30, 0),
             ('00000000000000000000000000000', 0), ('0' * 30 + '1', 0), ('1e5', 10), ('1.0', 10), ('12', 1),
             ('12', 37), ('\u30001\u3000', 10), ('0b_1', 0), ('0b__1', 0), ('0_b1', 0), ('1 2', 10),
             ('0o_7_7', 0), ('0O77', 8), ('0B11', 0), ('\u0661\u0662\u0663', 10), ('\uff11\uff12', 0), ('\u0660\u0661', 0), ('\u0660x1', 0), ('\u2167', 10), ('\U0001d7d9', 0)]
    for _ in range(300 * SCALE):
        base = rnd.choice([0, 2, 8, 10, 16, 36, rnd.randint(2, 36)])
        v = rand_int()
        b = base if base else rnd.choice([2, 8, 10, 16])
        digs = ''
        a = abs(v)
        while True:
            digs = '0123456789abcdefghijklmnopqrstuvwxyz'[a % b] + digs
            a //= b
            if a == 0:
                break
        if rnd.random() < 0.3:
            digs = digs.upper()
        pre = ''
        if base == 0 or rnd.random() < 0.3:
            pre = {2: '0b', 8: '0o', 16: '0x'}.get(b, '')
        s = ('-' if v < 0 else rnd.choice(['', '+'])) + pre + add_underscores(digs)
        if rnd.random() < 0.1:
            s = ' ' + s + ' '
        cases.append((s, base))
    for s, base in cases:
        def f():
            if base == 1 or base > 36:
                raise ValueError('bad base')
            return str(int(s, base))
        rows.append((esc(s), str(base), res(f)))
    write('parse_int.txt', rows)


def gen_hex():
    rows = []
    vals = list(SPECIAL)
    for _ in range(400 * SCALE):
        vals.append(rand_float())
    for v in vals:
        rows.append((bits(v), '-', '=' + v.hex()))
    write('hex.txt', rows)
    strs = ['0x1.8p1', '  -0X.8P-1 ', '1p1024', '0x1.fffffffffffffp1023', '0x1.fffffffffffff8p1023',
            '0x1.fffffffffffff7ffp1023', '0x', '0x.', '.', '', 'x1', '0x1p', '0x1p+', '0x1p-1074', '0x1p-1075',
            '0x1.0000000000001p-1075', '0x3p-1076', '0x1p-1076', '0x0.0000000000001p-1022', 'inf', '-Infinity',
            'nan', '-nan', 'infx', '0x1p99999999999999999999999', '0x1p-99999999999999999999999',
            '0x0p99999999999999999999999', '0x1p99999 junk', '1.0 junk', '0x1.00000000000008p0',
            '0x1.00000000000018p0', '0x1.000000000000080000001p0', '0x1.00000000000007ffffffp0', 'ff', '0xg',
            '0x1.8p1\t', '0x1_0p1', '+0x1p1', '0x' + '0' * 500 + '1p0', '0x1' + '0' * 500 + 'p-2000']
    for _ in range(300 * SCALE):
        x = rand_float()
        h = x.hex()
        if rnd.random() < 0.5 and 'p' in h:
            # shift the point / pad digits to exercise rounding
            m, e = h.split('p')
            m = m.rstrip('0') + ''.join(rnd.choice('0123456789abcdef') for _ in range(rnd.randint(0, 6)))
            h = m + 'p' + str(int(e) + rnd.randint(-3, 3))
        strs.append(h)
    rows = []
    for s in strs:
        def f():
            x = float.fromhex(s)
            return 'nan' if math.isnan(x) else bits(x)
        rows.append((esc(s), '-', res(f)))
    write('fromhex.txt', rows)


for g in [gen_repr, gen_float, gen_dtoa, gen_round, gen_int, gen_str, gen_percent, gen_parse_float,
          gen_parse_int, gen_hex]:
    g()
