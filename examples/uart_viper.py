# A UART driver written in viper, for the mps2-an385/an386 boards (QEMU): the CMSDK UART's
# registers are reached through ptr32, and the transmit loop runs as Thumb-2 machine code.
# Run it with the firmware (README: "On a Cortex-M board"), or paste it at the board's REPL.
import machine
import micropython

UART0 = const(0x40004000)
DATA = const(0)  # word offsets of the registers
STATE = const(1)
TX_FULL = const(1)


@micropython.viper
def uart_write(buf: ptr8, n: int) -> int:
    uart = ptr32(UART0)
    for i in range(n):
        while uart[STATE] & TX_FULL:
            pass
        uart[DATA] = buf[i]
    return n


@micropython.viper
def checksum(buf: ptr8, n: int) -> int:
    s = 0
    for i in range(n):
        s = (s * 31 + buf[i]) & 0xFFFF
    return s


message = b"hello from a viper UART driver\r\n"
print("sent", uart_write(message, len(message)), "bytes")
print("checksum", hex(checksum(message, len(message))))
# The same registers through machine.mem32: transmitting enabled, receiving enabled.
print("UART control", machine.mem32[UART0 + 8] & 3)
print("clock", machine.freq() // 1_000_000, "MHz")
