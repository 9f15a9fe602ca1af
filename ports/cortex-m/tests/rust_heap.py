# Big-int digits, the compiler's working data and re's matching state live in the Rust
# allocator's RAM, outside the GC heap, and on a board that RAM is a few MiB: work that cannot
# fit there is a MemoryError the program catches, not a failed allocation (which Rust cannot
# recover from). Garbage big ints are
# collected to make room. The expected output is written by hand: CPython's memory is the whole
# machine.
print("fits:", (1 << 8_000_000).bit_length())
for what, make in [("shift", lambda: 1 << 200_000_000), ("pow", lambda: 7 ** 30_000_000),
                   ("product", lambda: (1 << 5_000_000) * (1 << 9_000_000)),
                   ("sum", lambda: (1 << 40_000_000) + 1)]:
    try:
        make()
        print(what, "computed")
    except MemoryError:
        print(what, "MemoryError")

keep = []
try:
    for i in range(100):
        keep.append((1 << 4_000_000) + i)
except MemoryError:
    print("held until MemoryError:", 1 < len(keep) < 100)
keep = None

total = 0
for i in range(60):
    x = (1 << 4_000_000) + i
    total += x & 0xFF
print("garbage reclaimed:", total)

for lines in (1000, 20000):
    try:
        exec("x = [1, 2, 3]\n" * lines)
        print("compiled", lines, "lines")
    except MemoryError:
        print(lines, "lines: MemoryError")
try:
    eval("[" + "1," * 300000 + "]")
except MemoryError:
    print("eval: MemoryError")
print("still running")

# A regular expression works on a copy of its subject, and backtracking keeps frames beside it.
import re
text = "ab" * 300000
try:
    print("matched", len(re.match("(?:a|b)*", text).group()))
except MemoryError:
    print("re backtracking: MemoryError")
print(len(re.findall("b", "ab" * 1000)))
