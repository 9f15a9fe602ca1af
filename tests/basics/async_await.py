# async/await driven by a tiny event loop (no asyncio): coroutines, await chains,
# async with, async for, async generators, and send() into coroutines.
import types

class Sleep:
    def __init__(self, n): self.n = n
    def __await__(self):
        got = yield ("sleep", self.n)
        return got

async def add(a, b):
    r = await Sleep(a)
    return a + b + (r or 0)

async def chain():
    x = await add(1, 2)
    y = await add(x, 10)
    return [x, y]

def run(coro):
    value = None
    log = []
    while True:
        try:
            req = coro.send(value)
        except StopIteration as e:
            return e.value, log
        log.append(req)
        value = 100 if req[1] == 13 else None

print(run(chain()))

class Lock:
    async def __aenter__(self):
        print("acquire")
        await Sleep(0)
        return self
    async def __aexit__(self, t, v, tb):
        print("release", t.__name__ if t else None)
        return False

class Counter:
    def __init__(self, n): self.i, self.n = 0, n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Sleep(self.i)
        return self.i

async def agen(n):
    for i in range(n):
        await Sleep(i)
        yield i * 10

async def main():
    async with Lock() as l:
        print("inside", type(l).__name__)
    total = 0
    async for v in Counter(3):
        total += v
    got = []
    async for v in agen(3):
        got.append(v)
    try:
        async with Lock():
            raise KeyError("k")
    except KeyError as e:
        print("propagated", e)
    return total, got

print(run(main()))

async def simple():
    return 5
c = simple()
print(type(c).__name__)
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
c2 = simple()
c2.close()
print(isinstance(c2, types.CoroutineType))

# types.coroutine makes a generator function awaitable.
@types.coroutine
def legacy(value):
    got = yield ('legacy', value)
    return got * 2

async def uses_legacy():
    return await legacy(5) + 1

c = uses_legacy()
print(c.send(None))
try:
    c.send(20)
except StopIteration as e:
    print('result', e.value)

# async statements and await are SyntaxErrors outside an async function.
for src in ['async for x in (): pass', 'async with x: pass', 'await x',
            'def f():\n    async for x in y: pass', 'def f():\n    async with y: pass']:
    try:
        compile(src, '<async>', 'exec')
        print('compiled', repr(src))
    except SyntaxError as e:
        print('SyntaxError', e.msg, e.lineno)
