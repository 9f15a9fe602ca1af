# A generator dropped while suspended inside try/finally or with is closed, so its cleanup
# runs: CPython does it at once, Pyrite when the collector finds it unreachable, so the
# results are looked at after gc.collect(). The conservative stack scan may keep one or two
# alive, so many are made. A generator that yields again from its finally is reported, not
# resumed.
import gc

log = []

def counted(n):
    try:
        yield n
        yield n + 1
    finally:
        log.append(n)

class Resource:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        log.append(('exit', exc[0].__name__ if exc[0] else None))
        return False

def managed():
    with Resource():
        yield 'inside'

def abandon_all():
    for i in range(40):
        for x in counted(i):
            break
    for i in range(40):
        g = managed()
        next(g)
    # Not started and finished generators have nothing to clean up.
    fresh = counted(1000)
    done = counted(2000)
    list(done)

abandon_all()
gc.collect()
numbers = [e for e in log if isinstance(e, int)]
exits = [e for e in log if isinstance(e, tuple)]
print(len(numbers) >= 36, 1000 in numbers, numbers.count(2000))
print(len(exits) >= 36, set(exits))

def finished_normally():
    try:
        yield 1
    finally:
        log.append('normal')
log.clear()
print(list(finished_normally()), log)
