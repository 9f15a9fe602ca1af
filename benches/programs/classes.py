# Object creation, attribute access and method calls.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def norm1(self):
        return abs(self.x) + abs(self.y)

class Particle(Point):
    def __init__(self, x, y, m):
        super().__init__(x, y)
        self.m = m

    def weight(self):
        return self.m * self.norm1()

def run(n):
    acc = Point(0, 0)
    total = 0
    for i in range(n):
        p = Particle(i % 7, -(i % 11), 2)
        acc = acc.add(p)
        total += p.weight()
    return acc.x, acc.y, total
print(run(300000))
