# Instance dicts start sized for the attributes earlier instances of the class had; whatever
# their size, attribute order, deletion and growth behave as in CPython. Also the messages of
# object.__init__ and object() with extra arguments, which instantiation compares against.
class P:
    def __init__(self, n):
        for i in range(n):
            setattr(self, "a%d" % i, i * i)


for n in (3, 12, 1, 0, 9, 3):
    p = P(n)
    print(n, list(p.__dict__.items())[:4], len(vars(p)))

q = P(4)
del q.a1
q.z = "z"
q.a1 = "back"
print(q.__dict__)


class Grow:
    def __init__(self):
        self.x = 1


g1, g2 = Grow(), Grow()
for i in range(20):
    setattr(g1, "k%d" % i, i)
print(len(g1.__dict__), g2.__dict__, Grow().__dict__)


class OwnInit:
    def __init__(self, a):
        self.a = a


class Plain:
    pass


class OwnNew:
    def __new__(cls, *args):
        return super().__new__(cls)


for thunk in (
    lambda: object.__init__(OwnInit(1), 2),
    lambda: object.__init__(Plain(), 2),
    lambda: Plain(1),
    lambda: object(1),
    lambda: OwnNew(1, 2).__init__(3),
):
    try:
        print(thunk())
    except TypeError as e:
        print("TypeError:", e)
print(type(OwnNew(1)).__name__)
