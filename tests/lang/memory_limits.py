# Absurd allocations raise MemoryError (or OverflowError for sizes beyond the index range), never crash
print('start')
for name, make in [('list', lambda: [0] * (10 ** 10)), ('str', lambda: 'x' * (10 ** 12)), ('bytes', lambda: b'x' * (10 ** 12)),
                   ('bytearray', lambda: bytearray(10 ** 12)), ('bytes(n)', lambda: bytes(10 ** 12)), ('str*', lambda: 'ab' * (10 ** 12)),
                   ('tuple', lambda: (0,) * (10 ** 10)), ('list+', lambda: [0, 1] * (5 * 10 ** 9))]:
    try:
        make()
        print(name, 'allocated?!')
    except MemoryError as e:
        print(name, 'MemoryError')
    except OverflowError as e:
        print(name, 'OverflowError')
for name, make in [('list', lambda: [0] * (2 ** 70)), ('str', lambda: 'x' * (2 ** 70)), ('bytes', lambda: b'x' * (2 ** 70)),
                   ('tuple', lambda: (1,) * (2 ** 70)), ('range', lambda: range(2 ** 70)[::1][0]), ('bytearray', lambda: bytearray(2 ** 70))]:
    try:
        print(name, make())
    except (MemoryError, OverflowError) as e:
        print(name, type(e).__name__, e)
x = [0] * 1000
print('still usable', len(x), len('y' * 100000))
