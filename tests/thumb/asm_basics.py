# @micropython.asm_thumb functions run as Thumb-2 machine code (32-bit Arm hosts and boards).
# Expected output written by hand from MicroPython's inline-assembler semantics.


@micropython.asm_thumb
def add3(r0, r1, r2):
    add(r0, r0, r1)
    add(r0, r0, r2)


print(add3(1, 2, 3), add3(-5, 2, 1), add3(0x7FFFFFFF, 1, 0))


@micropython.asm_thumb
def sum_to(r0):
    # r1 = total, r0 counts down
    mov(r1, 0)
    label(loop)
    add(r1, r1, r0)
    sub(r0, 1)
    cmp(r0, 0)
    bgt(loop)
    mov(r0, r1)


print(sum_to(10), sum_to(100), sum_to(1))


@micropython.asm_thumb
def max2(r0, r1):
    cmp(r0, r1)
    it(lt)
    mov(r0, r1)


print(max2(3, 9), max2(9, 3), max2(-4, -7))


@micropython.asm_thumb
def bits(r0):
    mov(r1, 0xF0)
    and_(r0, r1)
    lsr(r0, r0, 4)


print(bits(0x1234), bits(0xFF))


@micropython.asm_thumb
def wide_consts() -> uint:
    movwt(r0, 0xDEADBEEF)


print(hex(wide_consts()))


@micropython.asm_thumb
def negative():
    mov(r0, 5)
    neg(r0, r0)


print(negative())


@micropython.asm_thumb
def as_bool(r0) -> bool:
    pass


print(as_bool(0), as_bool(7))


@micropython.asm_thumb
def div(r0, r1):
    sdiv(r0, r0, r1)


print(div(100, 7), div(-100, 7))


@micropython.asm_thumb
def sum_bytes(r0, r1):
    # r0 = buffer address, r1 = length
    mov(r2, 0)
    label(loop)
    cmp(r1, 0)
    beq(done)
    ldrb(r3, [r0, 0])
    add(r2, r2, r3)
    add(r0, 1)
    sub(r1, 1)
    b(loop)
    label(done)
    mov(r0, r2)


buf = bytearray(b'\x01\x02\x03\xff')
print(sum_bytes(buf, len(buf)), sum_bytes(b'abc', 3))


@micropython.asm_thumb
def store_words(r0, r1):
    # write r1, r1+1 into a bytearray as 32-bit little-endian words
    str(r1, [r0, 0])
    add(r1, 1)
    str(r1, [r0, 4])


out = bytearray(8)
store_words(out, 0x01020304)
print(out)


@micropython.asm_thumb
def many(r0, r1, r2, r3, e, f):
    # arguments past the fourth are on the stack, above the saved r4-r7 and lr
    ldr(r4, [sp, 20])
    ldr(r5, [sp, 24])
    add(r0, r0, r1)
    add(r0, r0, r2)
    add(r0, r0, r3)
    add(r0, r0, r4)
    add(r0, r0, r5)


print(many(1, 2, 3, 4, 5, 6))


@micropython.asm_thumb
def table(r0):
    # r0 = index into a data table
    adr(r1, data_start)
    lsl(r0, r0, 2)
    add(r1, r1, r0)
    ldr(r0, [r1, 0])
    b(end)
    align(4)
    label(data_start)
    data(4, 10, 20, 30, 40)
    label(end)


print([table(i) for i in range(4)])


@micropython.asm_thumb
def saved_regs(r0):
    push({r4, r5})
    mov(r4, r0)
    add(r5, r4, r4)
    mov(r0, r5)
    pop({r4, r5})


print(saved_regs(21))


@micropython.asm_thumb
def float_ops(r0, r1):
    vmov(s0, r0)
    vcvt_f32_s32(s0, s0)
    vmov(s1, r1)
    vcvt_f32_s32(s1, s1)
    vmul(s2, s0, s1)
    vsqrt(s2, s2)
    vcvt_s32_f32(s2, s2)
    vmov(r0, s2)


print(float_ops(4, 9), float_ops(2, 8))
