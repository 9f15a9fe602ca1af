# Operations MicroPython performs without allocating must also work while the heap is locked:
# method calls through super(), calling an instance with __call__, calling a classmethod on its
# class, iterating an array, slice assignment into buffers, dict delete+add cycles, and print()
# of floats, exceptions and containers, and concatenating empty bytes or str (the other operand).
import array
import micropython


class Base:
    def greet(self, who):
        return who

    @classmethod
    def make(cls, n):
        return n * 2


class Child(Base):
    def greet(self, who):
        return super().greet(who)


class Callable:
    def __call__(self, a, b=5):
        return a + b


child = Child()
callable_obj = Callable()
numbers = array.array('i', [3, 1, 4])
buf = bytearray(range(10))
view = memoryview(buf)
counts = {}
for i in range(6):
    counts[i] = i
small = {}
for i in range(3):
    small[i] = -i
error = ValueError('bad value')
floats = [1.5, -0.25]
mapping = {'k': None}
results = [None] * 7
word = b'word'

micropython.heap_lock()
results[0] = child.greet('who')
results[1] = callable_obj(1)
results[2] = callable_obj(1, 2)
results[3] = Base.make(21)
total = 0
for n in numbers:
    total += n
results[4] = total
results[5] = (b'' + word) is word and (word + b'') is word
results[6] = '' + 'text'
buf[3:5] = b'ab'
view[6:8] = b'cd'
for i in range(6, 40):
    del counts[i - 6]
    counts[i] = i
for i in range(3, 20):
    del small[i - 3]
    small[i] = -i
print(2.5, error, floats, (1, 'x'), mapping)
micropython.heap_unlock()

print(results)
print(buf)
print(sorted(counts.items()))
print(sorted(small.items()))
