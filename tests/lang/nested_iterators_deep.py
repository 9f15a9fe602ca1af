# Built-in iterators (enumerate, filter, map, zip) nested far deeper than any stack allows:
# iterating them raises RecursionError (a RuntimeError), as MicroPython raises RuntimeError,
# and the program goes on. The nesting itself never runs out of memory.
# gc-stress: skip (tens of thousands of live nested iterators make a collection per allocation
# quadratic)
def deepest(nest, limit=100000):
    x = (1, 2)
    for depth in range(1, limit + 1):
        x = nest(x)
        if depth % 10000 == 0:
            try:
                tuple(x)
            except RuntimeError as e:
                return type(e).__name__, isinstance(e, RecursionError)
    return 'never raised'

for nest in [enumerate, lambda x: filter(None, x), lambda x: map(max, x, ()), zip]:
    print(*deepest(nest))
print('still running')
