# `struct.Struct` and `iter_unpack`, written in Python over the functions of struct_.rs.
def iter_unpack(format, buffer):
    n = _iter_check(format, buffer)
    size = calcsize(format)
    return (unpack_from(format, buffer, i * size) for i in range(n))

class Struct:
    __module__ = '_struct'
    def __init__(self, format):
        if isinstance(format, bytes):
            format = format.decode('latin-1')
        elif not isinstance(format, str):
            raise TypeError('Struct() argument 1 must be a str or bytes object, not ' + type(format).__name__)
        self.size = calcsize(format)
        self.format = format
    def pack(self, *values):
        return pack(self.format, *values)
    def pack_into(self, buffer, offset, *values):
        return pack_into(self.format, buffer, offset, *values)
    def unpack(self, buffer):
        return unpack(self.format, buffer)
    def unpack_from(self, buffer, offset=0):
        return unpack_from(self.format, buffer, offset)
    def iter_unpack(self, buffer):
        return iter_unpack(self.format, buffer)
