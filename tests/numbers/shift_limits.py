# Left shifts of huge counts: MemoryError when the result cannot fit in memory, OverflowError past
# the index range, and zero shifted stays zero (CPython's rules)
for expr in ['1 << (1 << 40)', '0 << (1 << 40)', '1 << (1 << 70)', '0 << (1 << 70)', '-1 << (1 << 62)', '(1 << 100) >> (1 << 70)', '5 << 100']:
    try:
        r = eval(expr)
        print(expr, '=', r if r.bit_length() < 200 else 'big')
    except (MemoryError, OverflowError) as e:
        print(expr, type(e).__name__, e)
