# The parts of `io` written in Python (run into the module's namespace when it is made).
class UnsupportedOperation(OSError, ValueError):
    pass

UnsupportedOperation.__module__ = 'io'

_virtual = []


class _IOBaseMeta(type):
    def __instancecheck__(cls, obj):
        return cls.__subclasscheck__(type(obj))

    def __subclasscheck__(cls, sub):
        if type.__subclasscheck__(cls, sub):
            return True
        for base, native in _virtual:
            if type.__subclasscheck__(cls, base) and issubclass(sub, native):
                return True
        return False


class IOBase(metaclass=_IOBaseMeta):
    pass


class RawIOBase(IOBase):
    pass


class BufferedIOBase(IOBase):
    pass


class TextIOBase(IOBase):
    pass


_FileWriter = BufferedWriter  # what open() gives for binary writing


class BufferedWriter(BufferedIOBase):
    # BufferedWriter(raw, buffer_size) over any stream with write(): bytes gather in a buffer of
    # buffer_size and go to raw.write a full buffer at a time (MicroPython's policy), the rest
    # on flush() or close(). Binary files from open() count as instances too.
    def __init__(self, raw, buffer_size=8192):
        if buffer_size <= 0:
            raise ValueError('buffer size must be strictly positive')
        self.raw = raw
        self._size = buffer_size
        self._buf = bytearray()

    def write(self, b):
        data = bytes(b)
        at = 0
        while at < len(data):
            take = data[at:at + self._size - len(self._buf)]
            self._buf += take
            at += len(take)
            if len(self._buf) == self._size:
                self.raw.write(bytes(self._buf))
                self._buf = bytearray()
        return len(data)

    def flush(self):
        if self._buf:
            self.raw.write(bytes(self._buf))
            self._buf = bytearray()
        if hasattr(self.raw, 'flush'):
            self.raw.flush()

    def close(self):
        self.flush()
        self.raw.close()

    @property
    def closed(self):
        return self.raw.closed

    def writable(self):
        return True

    def readable(self):
        return False

    def seekable(self):
        return False

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


for _c in (IOBase, RawIOBase, BufferedIOBase, TextIOBase, BufferedWriter):
    _c.__module__ = 'io'
_virtual.append((TextIOBase, StringIO))
_virtual.append((BufferedIOBase, BytesIO))
_virtual.append((TextIOBase, TextIOWrapper))
_virtual.append((BufferedWriter, _FileWriter))
for _c in (BufferedReader, _FileWriter, BufferedRandom):
    _virtual.append((BufferedIOBase, _c))
del _c
