# async def, await, async for and async with under @micropython.native, driven by hand.
import micropython


class Sleep:
    def __init__(self, v):
        self.v = v

    def __await__(self):
        got = yield ("sleep", self.v)
        return got


@micropython.native
async def work(n):
    total = 0
    for i in range(n):
        total += await Sleep(i)
    return total


def run(coro):
    value = None
    steps = 0
    try:
        while True:
            req = coro.send(value)
            steps += 1
            value = req[1] * 10
    except StopIteration as e:
        return e.value, steps


print(run(work(4)))


class Ticker:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        await Sleep(self.n)
        return self.n


class Lock:
    async def __aenter__(self):
        print("acquire")
        return "L"

    async def __aexit__(self, *exc):
        print("release", exc[0])
        return False


@micropython.native
async def consume():
    out = []
    async with Lock() as l:
        async for v in Ticker(3):
            out.append((l, v))
    return out


print(run(consume()))


@micropython.native
async def fails():
    await Sleep(1)
    raise ValueError("async fail")


@micropython.native
async def guard():
    try:
        await fails()
    except ValueError as e:
        return "caught " + str(e)


print(run(guard()))


@micropython.native
async def comprehension():
    return [await Sleep(i) for i in range(3)]


print(run(comprehension()))
