# Comparisons that feed a conditional jump directly under @micropython.native: small ints
# branch on the machine comparison, everything else goes through the operator and then the
# truth of its result, in Python's order (the result's __bool__ runs, and may raise).
import micropython


class Verdict:
    def __init__(self, name, truth):
        self.name = name
        self.truth = truth

    def __bool__(self):
        print("  bool of", self.name)
        if self.truth is None:
            raise ValueError("no verdict for " + self.name)
        return self.truth


class Judge:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        print("  lt", self.v, other)
        return Verdict("lt", self.v < other)

    def __eq__(self, other):
        print("  eq", self.v, other)
        return Verdict("eq", None if other == 99 else self.v == other)


@micropython.native
def classify(a, b):
    out = []
    if a < b:
        out.append("lt")
    if a <= b:
        out.append("le")
    if not a == b:
        out.append("ne-by-not")
    if a != b:
        out.append("ne")
    if a > b:
        out.append("gt")
    if a >= b:
        out.append("ge")
    if a is b:
        out.append("is")
    if a is not None and b is not None:
        out.append("both")
    return out


@micropython.native
def count_below(xs, limit):
    n = 0
    for x in xs:
        if x < limit:
            n += 1
    return n


@micropython.native
def flag_values(a, b):
    # The comparison results used as values, not only as conditions.
    r = a < b
    s = a is b
    t = (a == b) or (a is None)
    u = [a > b, a is not b]
    return r, s, t, u


@micropython.native
def judge(j, x):
    if j < x:
        return "yes"
    return "no"


@micropython.native
def judge_eq(j, x):
    while j == x:
        return "same"
    return "differs"


for a, b in [(1, 2), (2, 1), (3, 3), (-5, 5), (2**62, 2**62 - 1), (2**70, 2**70),
             (1.5, 1), (1, 1.0), ("a", "b"), ((1, 2), (1, 3)), (True, 1), (None, None)]:
    try:
        print(a, b, classify(a, b))
    except TypeError as e:
        print(a, b, "TypeError", e)

print(count_below(range(-10, 10), 3), count_below([1.5, 2**80, -2**80, 7], 2))
for a, b in [(1, 2), (5, 5), (2**65, 3), ("x", "x")]:
    print(a, b, flag_values(a, b))

print(judge(Judge(1), 5), judge(Judge(9), 5))
try:
    judge(Judge(1), None)
except TypeError as e:
    print("TypeError", e)
print(judge_eq(Judge(4), 4), judge_eq(Judge(4), 5))
try:
    judge_eq(Judge(4), 99)
except ValueError as e:
    print("ValueError", e)
