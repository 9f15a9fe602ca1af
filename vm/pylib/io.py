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


for _c in (IOBase, RawIOBase, BufferedIOBase, TextIOBase):
    _c.__module__ = 'io'
_virtual.append((TextIOBase, StringIO))
_virtual.append((BufferedIOBase, BytesIO))
_virtual.append((TextIOBase, TextIOWrapper))
for _c in (BufferedReader, BufferedWriter, BufferedRandom):
    _virtual.append((BufferedIOBase, _c))
del _c
