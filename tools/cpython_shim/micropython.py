"""A stand-in `micropython` module for recording expected output under CPython.

Native-code tests decorate functions with `@micropython.native` (or `@viper`); the decorators
change how Pyrite runs a function, never what it prints, so under CPython they are the identity.
Only what the recorded tests use is here.
"""


def _identity(f):
    return f


native = _identity
viper = _identity
bytecode = _identity


def const(x):
    return x


def opt_level(level=None):
    return 0 if level is None else None


# CPython has no heap lock: tests that use it check that operations which allocate nothing on
# MicroPython's heap also work while Pyrite's heap is locked, so the recorded output is the
# unlocked one.
_lock_depth = 0


def heap_lock():
    global _lock_depth
    _lock_depth += 1


def heap_unlock():
    global _lock_depth
    _lock_depth -= 1
    return _lock_depth


class RingIO:
    """MicroPython's byte ring buffer, modelled as a bounded FIFO: `RingIO(n)` holds n bytes,
    `RingIO(buffer)` one less than the buffer's length; reads and writes never block."""

    def __init__(self, size_or_buffer):
        if isinstance(size_or_buffer, int):
            capacity = size_or_buffer
        else:
            view = memoryview(size_or_buffer)
            if view.readonly:
                raise TypeError("object with buffer protocol required")
            capacity = len(view) - 1
        if capacity < 1:
            raise ValueError("invalid size")
        self._capacity = capacity
        self._fifo = bytearray()

    def __repr__(self):
        return "<RingIO>"

    def any(self):
        return len(self._fifo)

    def write(self, data):
        room = self._capacity - len(self._fifo)
        chunk = bytes(data[:room])
        self._fifo += chunk
        return len(chunk)

    def _pop(self, n):
        if n is None or n < 0:
            n = len(self._fifo)
        out = bytes(self._fifo[:n])
        del self._fifo[:n]
        return out

    def read(self, n=-1):
        return self._pop(n)

    def readline(self, n=-1):
        end = self._fifo.find(b"\n") + 1 or len(self._fifo)
        return self._pop(end if n is None or n < 0 else min(n, end))

    def readinto(self, buf, n=-1):
        view = memoryview(buf)
        data = self._pop(len(view) if n is None or n < 0 else min(n, len(view)))
        view[: len(data)] = data
        return len(data)

    def close(self):
        pass
