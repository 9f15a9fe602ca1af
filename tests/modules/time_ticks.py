# MicroPython's ticks functions (not in CPython's time module): arithmetic on a 2**30 period.
# The .exp file is written by hand (CPython has no ticks_*): list this file in tests/DIFFERENCES.
import time
print(time.ticks_add(0, 10), time.ticks_add(2**30 - 1, 1), time.ticks_add(5, -10), time.ticks_add(100, 2**29 - 1))
print(time.ticks_diff(10, 5), time.ticks_diff(5, 10), time.ticks_diff(0, 2**30 - 1), time.ticks_diff(2**30 - 1, 0))
print(time.ticks_diff(time.ticks_add(123, 456), 123), time.ticks_diff(2**29, 0), time.ticks_diff(0, 2**29))
a = time.ticks_ms()
u = time.ticks_us()
c = time.ticks_cpu()
time.sleep_ms(20)
time.sleep_us(1000)
print(0 <= a < 2**30, 0 <= u < 2**30, 0 <= c < 2**30, 15 <= time.ticks_diff(time.ticks_ms(), a) < 2000)
print(time.ticks_diff(time.ticks_us(), u) >= 20000)
try:
    time.ticks_add(0, 2**30)
except OverflowError as e:
    print('OverflowError', e)
