# MicroPython's gc functions: mem_free/mem_alloc report real figures that move with allocation,
# and threshold() keeps what the program sets (in whole blocks, -1 for none). CPython's gc has
# none of these: the expected output is written by hand (see tests/DIFFERENCES).
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())

gc.collect()
free, used = gc.mem_free(), gc.mem_alloc()
print(type(free).__name__, type(used).__name__, free > 0, used > 0)
keep = [bytearray(1000) for _ in range(50)]
print(gc.mem_alloc() > used + 40000, gc.mem_free() < free)
del keep

print(gc.threshold(1), gc.threshold())
gc.threshold(1000)
junk = [[i] for i in range(2000)]
gc.collect()
print(gc.threshold())
gc.threshold(-1)
print(gc.threshold())
