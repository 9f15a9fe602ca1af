# Viper's type names in the annotations of plain functions, as MicroPython programs write them:
# MicroPython never evaluates those annotations, so a name the program does not define is kept
# as a string instead of raising NameError (CPython 3.11 would). A name the program binds is
# evaluated as usual, and any other undefined name is still a NameError.
import micropython


def next_value(n) -> uint:
    return n * 3


def read(src: ptr8, i: int) -> int:
    return src[i]


@micropython.viper
def store(dest: ptr8, i: int, v: uint):
    dest[i] = v


buf = bytearray(4)
for i in range(4):
    store(buf, i, next_value(i + 1))
print(list(buf), read(buf, 2))
print(next_value.__annotations__)
print(read.__annotations__)

offset: ptr32 = 8
print(__annotations__)


class ptr16:
    pass


def typed(a: ptr16, b: ptr) -> bool:
    return True


print(typed.__annotations__ == {'a': ptr16, 'b': 'ptr', 'return': bool})


def outer():
    uint = 'local uint'

    def inner(a: uint, b: ptr32):
        pass

    return inner.__annotations__


print(outer())
try:
    def bad(a: ptr64):
        pass
except NameError as e:
    print('NameError', e)
try:
    def bad2(a: uint.attr):
        pass
except NameError as e:
    print('NameError', e)
