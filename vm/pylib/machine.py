# `machine.mem8`, `mem16` and `mem32`, written in Python over `_read`/`_write` (machine.rs).
class _Memory:
    def __init__(self, width):
        self._width = width

    def __getitem__(self, address):
        return _read(address, self._width)

    def __setitem__(self, address, value):
        _write(address, self._width, value)

    def __repr__(self):
        return '<%d-bit memory>' % (8 * self._width)

mem8 = _Memory(1)
mem16 = _Memory(2)
mem32 = _Memory(4)
del _Memory
