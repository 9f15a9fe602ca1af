# Generators, generator expressions and comprehensions.
def numbers(n):
    for i in range(n):
        yield i

def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x

def run(n):
    a = sum(evens(numbers(n)))
    b = sum(x * x for x in range(n) if x % 3)
    c = len([x for x in range(n) if x & 1])
    d = {x: x + 1 for x in range(n // 10)}
    return a, b, c, len(d)
print(run(1_000_000))
