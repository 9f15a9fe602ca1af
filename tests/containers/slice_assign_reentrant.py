# List slice assignment whose slice bounds run code (__index__) that changes the lists
# involved: the assigned list's items are read after the bounds, and the target's range is
# taken from its length at that point.
class Shrink:
    def __init__(self, target, keep):
        self.target, self.keep = target, keep

    def __index__(self):
        del self.target[self.keep:]
        return 5


a = list(range(10))
a[2:Shrink(a, 3)] = [9, 9]
print(a)

src = [7, 8]


class Grow:
    def __index__(self):
        src.extend(range(100))
        return 4


b = list(range(10))
b[1:Grow()] = src
print(len(b), b[:6], b[-3:])

c = list(range(6))
c[Shrink(c, 4):] = c
print(c)

d = [1, 2, 3]
e = [4, 5]
d[1:2] = e
e.append(6)
print(d, e)
