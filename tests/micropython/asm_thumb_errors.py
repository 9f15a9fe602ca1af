# @micropython.asm_thumb bodies are assembled when the source is compiled, on every host: a
# mistake is a SyntaxError naming the line, whether or not this machine can run Thumb code.
# Expected output hand-written from MicroPython's inline-assembler messages.


def try_compile(src):
    try:
        exec(src, {})
        print('ok')
    except SyntaxError as e:
        print('SyntaxError', e.msg, e.lineno)


header = '@micropython.asm_thumb\n'
try_compile(header + 'def f(r0):\n    add(r0, r0, 1)\n    label(x)\n    b(x)\n')
try_compile(header + 'def f(a, b):\n    nop()\n')
try_compile(header + 'def f(r0):\n    x = 1\n')
try_compile(header + 'def f(r0):\n    mov(r0, r9, r2)\n')
try_compile(header + 'def f(r0):\n    frob(r0)\n')
try_compile(header + 'def f(r0):\n    label(a)\n    label(a)\n')
try_compile(header + 'def f(r0):\n    b(nowhere)\n')
try_compile(header + 'def f(r0):\n    ldr(r0, r1)\n')
try_compile(header + 'def f(r0):\n    push(r0)\n')
try_compile(header + 'def f(r0):\n    data(2)\n')
try_compile(header + 'def f(r0):\n    mov(r0, 256)\n    mov(r0, lr)\n')
try_compile(header + 'def f(r0) -> float:\n    nop()\n')
# The same names work as plain Python elsewhere.
add = lambda *a: sum(a)
print(add(1, 2, 3))
