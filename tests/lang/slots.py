# __slots__: member descriptors, no instance __dict__, layouts across inheritance, errors
class S:
    __slots__ = ('a', '__b')

    def set_b(self, v):
        self.__b = v

    def get_b(self):
        return self.__b


s = S()
for action in [lambda: s.a, lambda: delattr(s, 'a'), lambda: s.__dict__, lambda: vars(s),
               lambda: setattr(s, 'zzz', 1)]:
    try:
        action()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
print(S.a, S._S__b, type(S.a).__name__, S.a.__name__, S.a.__objclass__.__name__)
s.a = 5
s.set_b([1])
print(s.a, s.get_b(), hasattr(s, '__dict__'), '__dict__' in S.__dict__)
del s.a
print(hasattr(s, 'a'))


class WithDict(S):
    pass


w = WithDict()
w.a = 1
w.z = 2
print(w.__dict__, w.a, w.z)


class More(S):
    __slots__ = ('c',)


m = More()
m.a, m.c = 1, 2
print(m.a, m.c, hasattr(m, '__dict__'))


class A:
    __slots__ = ('x',)


class B:
    __slots__ = ('y',)


try:
    class C(A, B):
        pass
except TypeError as e:
    print(type(e).__name__, e)


class D(A):
    pass


class E(D, A):
    __slots__ = ('z',)


e = E()
e.x, e.z, e.w = 1, 2, 3
print(e.x, e.z, e.w)


class L(list):
    __slots__ = ('tag',)


lst = L([1, 2])
lst.tag = 'tagged'
lst.append(3)
print(lst, lst.tag, hasattr(lst, '__dict__'))


class Ex(Exception):
    __slots__ = ('code',)


x = Ex('message')
x.code = 3
print(x.code, x.args)

for bad in ["class T(tuple):\n    __slots__ = ('a',)", "class V:\n    __slots__ = ('a',)\n    a = 1",
            "class N:\n    __slots__ = (1,)", "class I:\n    __slots__ = ('not an identifier',)",
            "class DD:\n    __slots__ = ('__dict__', '__dict__')"]:
    try:
        exec(bad)
        print('accepted')
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


class Both:
    __slots__ = ('a', '__dict__')


b = Both()
b.a, b.b = 1, 2
print(b.a, b.__dict__)

# Member descriptors refuse instances of other classes.
try:
    S.a.__get__(A())
except TypeError as e:
    print(type(e).__name__, e)
except AttributeError:
    print('no __get__')

# Slot values are kept alive by the collector.
import gc


class Node:
    __slots__ = ('next', 'value')


head = None
for i in range(500):
    n = Node()
    n.value = [i]
    n.next = head
    head = n
gc.collect()
total = 0
while head:
    total += head.value[0]
    head = head.next
print(total)

# __class__ assignment needs the same layout.
class P:
    __slots__ = ('p',)


class Q:
    __slots__ = ('p', 'q')


try:
    p = P()
    p.__class__ = Q
except TypeError as e:
    print(type(e).__name__, e)
