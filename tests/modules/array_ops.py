# array.array operators: comparison, concatenation, repetition, in-place forms, copies, subclasses.
from array import array


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


a = array('i', [1, 2, 3])
b = array('i', [1, 2, 4])
print(a == a, a == array('i', [1, 2, 3]), a != b, a < b, a <= b, a > b, a >= b)
print(a == array('d', [1.0, 2.0, 3.0]), a == array('b', [1, 2]), array('b') == array('d'))
print(array('i', [1, 2]) < array('i', [1, 2, 0]), array('u', 'ab') < array('u', 'b'))
print(a == [1, 2, 3], a != [1, 2, 3], array('d', [float('nan')]) == array('d', [float('nan')]))
try:
    a < [1]
except TypeError:
    print('TypeError <')
try:
    hash(a)
except TypeError:
    print('TypeError hash')

print(a + b, a + array('i'), array('d', [0.5]) + array('d', [1]))
t(lambda: a + [4])
t(lambda: a + array('d', [1]))
print(a * 2, 2 * a, a * 0, a * -3, array('b', [7]) * 5)
t(lambda: a * 'x')
t(lambda: a * 1.5)
t(lambda: a * 2**70)

c = array('b', [1, 2])
alias = c
c += array('b', [3])
print(c, alias is c)
c *= 2
print(c, alias is c)
c *= 0
print(c)


def iadd_list():
    global c
    c += [1]


def iadd_kind():
    global c
    c += array('h', [1])


t(iadd_list)
t(iadd_kind)

# copies
d = array('i', [5, 6])
e = d.__copy__()
f = d.__deepcopy__({})
e[0] = 0
print(d, e, f, d.__copy__())

# repr / str
print(repr(array('f', [0.5])), str(array('i', [1])), array('u', "it's"), array('u'))
print('%s' % (array('B', [1]),), f'{array("b", [2])}')

# subclass
class MyArray(array):
    def total(self):
        return sum(self)


m = MyArray('i', [1, 2, 3])
print(m, m.total(), len(m), isinstance(m, array), type(m).__name__)
print(type(m[1:]).__name__, type(m + m).__name__, type(m * 2).__name__, m == array('i', [1, 2, 3]))
m.append(4)
m += array('i', [5])
print(m, type(m).__name__)


class Scaled(array):
    def __new__(cls, values, factor):
        return super().__new__(cls, 'd', [v * factor for v in values])

    def __init__(self, values, factor):
        self.factor = factor


s = Scaled([1, 2], 10)
print(s, s.factor)

# memory-view style consumers see the bytes
print(bytes(array('B', [65, 66])), bytearray(array('b', [1])), b'x' + bytes(array('B', [121])))
print(list(bytes(array('H', [258]))), len(bytes(array('d', [1, 2]))))
