# Parallel assignment `a, b, ... = x, y, ...`: values are all evaluated (left to right) before
# any target is stored, for local variables, cells, globals, attributes and subscripts, with
# repeated targets (the last store wins), an exception while evaluating (nothing is stored),
# and swaps and rotations of every length.
order = []


def v(tag, x):
    order.append(tag)
    return x


def locals_rotate():
    a, b, c, d, e = 1, 2, 3, 4, 5
    a, b, c, d, e = b, c, d, e, a
    p, q = 10, 20
    p, q = q, p
    x, y, z = 7, 8, 9
    x, y, z = z, x, y
    return (a, b, c, d, e), (p, q), (x, y, z)


print(locals_rotate())


def evaluation_order():
    del order[:]
    a, b, c, d = v("a", 1), v("b", 2), v("c", 3), v("d", 4)
    return a, b, c, d, list(order)


print(evaluation_order())


def nothing_stored_on_error():
    a, b, c, d = 1, 2, 3, 4
    try:
        a, b, c, d = 10, 20, 1 // 0, 40
    except ZeroDivisionError:
        pass
    return a, b, c, d


print(nothing_stored_on_error())


def repeated_target():
    a, a = 1, 2
    b, c, b = 3, 4, 5
    return a, b, c


print(repeated_target())


def with_cells():
    a, b, c, d = 1, 2, 3, 4

    def inner():
        return a + b * 10 + c * 100 + d * 1000

    a, b, c, d = d, c, b, a
    first = inner()
    a, b, c, d = 5, 6, 7, 8
    return first, inner()


print(with_cells())


class Logged:
    def __setattr__(self, name, value):
        order.append("set " + name)
        object.__setattr__(self, name, value)


class LoggedList(list):
    def __setitem__(self, i, value):
        order.append("item %d" % i)
        list.__setitem__(self, i, value)


def mixed_targets():
    del order[:]
    o = Logged()
    l = LoggedList([0, 0, 0, 0])
    o.x, l[0], o.y, l[3] = v("1", 1), v("2", 2), v("3", 3), v("4", 4)
    return o.x, o.y, l, list(order)


print(mixed_targets())

g1 = g2 = g3 = g4 = 0


def globals_too():
    global g1, g2, g3, g4
    g1, g2, g3, g4 = 1, 2, 3, 4
    g1, g2, g3, g4 = g4, g3, g2, g1
    return g1, g2, g3, g4


print(globals_too())
m1, m2, m3, m4 = "a", "b", "c", "d"
m1, m2, m3, m4 = m2, m3, m4, m1
print(m1, m2, m3, m4)


class Body:
    k1, k2, k3, k4 = 1, 2, 3, 4
    k1, k2, k3, k4 = k4, k1, k2, k3


print(Body.k1, Body.k2, Body.k3, Body.k4)
print([(i, j, k, l) for i, j, k, l in [(1, 2, 3, 4)] for i, j, k, l in [(l, k, j, i)]])
