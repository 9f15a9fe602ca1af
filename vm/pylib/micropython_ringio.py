# `RingIO`, written in Python and made on first use (most programs importing `micropython`
# never touch it): a fixed-size byte ring buffer with the stream methods, never blocking.
class RingIO:
    def __init__(self, size_or_buffer):
        if isinstance(size_or_buffer, int):
            if size_or_buffer < 1:
                raise ValueError("invalid size")
            self._buf = bytearray(size_or_buffer + 1)
        else:
            self._buf = memoryview(size_or_buffer)
            if self._buf.readonly:
                raise TypeError("object with buffer protocol required")
            if len(self._buf) < 2:
                raise ValueError("invalid buffer")
        self._get = 0
        self._put = 0

    def __repr__(self):
        return "<RingIO>"

    def any(self):
        return (self._put - self._get) % len(self._buf)

    def write(self, data):
        data = memoryview(data)
        size = len(self._buf)
        n = min(len(data), size - 1 - self.any())
        for i in range(n):
            self._buf[self._put] = data[i]
            self._put = (self._put + 1) % size
        return n

    def _take(self, n, stop=None):
        size = len(self._buf)
        avail = self.any()
        if n is None or n < 0 or n > avail:
            n = avail
        out = bytearray()
        while len(out) < n:
            b = self._buf[self._get]
            self._get = (self._get + 1) % size
            out.append(b)
            if b == stop:
                break
        return out

    def read(self, n=-1):
        return bytes(self._take(n))

    def readline(self, n=-1):
        return bytes(self._take(n, 10))

    def readinto(self, buf, n=-1):
        buf = memoryview(buf)
        if n is None or n < 0 or n > len(buf):
            n = len(buf)
        data = self._take(n)
        buf[:len(data)] = data
        return len(data)

    def close(self):
        pass
