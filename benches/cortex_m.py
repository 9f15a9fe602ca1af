#!/usr/bin/env python3
"""The firmware on QEMU's mps2 boards: size, boot time and loop speed, in one run.

  benches/cortex_m.py          both boards (the firmware must be built: see ports/cortex-m)

Reports flash (text+data) and static RAM of each firmware image, the time from starting QEMU
to the REPL prompt, and benches/board/loops.py under `-icount shift=0` (instructions per loop
iteration as bytecode, @native and @viper, and the bytecode/viper ratio).
"""
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BOARDS = [
    ("thumbv7m-none-eabi", "mps2-an385", "cortex-m3"),
    ("thumbv7em-none-eabihf", "mps2-an386", "cortex-m4"),
]


def qemu(machine, cpu, kernel, *extra):
    return ["qemu-system-arm", "-M", machine, "-cpu", cpu, "-display", "none", "-monitor", "none",
            "-serial", "stdio", "-kernel", kernel, *extra]


def size(kernel):
    out = subprocess.run(["arm-none-eabi-size", "-A", kernel], capture_output=True, text=True).stdout
    sections = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[1].isdigit():
            sections[parts[0]] = int(parts[1])
    flash = sum(sections.get(s, 0) for s in (".vector_table", ".text", ".rodata", ".data"))
    ram = sum(sections.get(s, 0) for s in (".data", ".bss", ".uninit"))
    return flash, ram


def boot_to_prompt(machine, cpu, kernel):
    best = None
    for _ in range(5):
        t0 = time.perf_counter()
        p = subprocess.Popen(qemu(machine, cpu, kernel), stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        seen = b""
        while b">>> " not in seen:
            chunk = p.stdout.read1(256)
            if not chunk:
                break
            seen += chunk
        dt = time.perf_counter() - t0
        p.kill()
        p.wait()
        best = dt if best is None else min(best, dt)
    return best


def main():
    for target, machine, cpu in BOARDS:
        kernel = os.path.join(ROOT, "ports", "cortex-m", "target", target, "release", "pyrite-cortex-m")
        if not os.path.exists(kernel):
            print(f"{machine}: no firmware at {kernel} (cd ports/cortex-m && cargo build --release --target {target})")
            continue
        flash, ram = size(kernel)
        print(f"{machine}: flash {flash / 1024:.0f} KiB, static RAM {ram} B, "
              f"boot to prompt {boot_to_prompt(machine, cpu, kernel) * 1000:.0f} ms")
        script = os.path.join(ROOT, "benches", "board", "loops.py")
        out = subprocess.run(qemu(machine, cpu, kernel, "-icount", "shift=0", "-semihosting-config",
                                  f"enable=on,target=native,arg=pyrite,arg={script}"),
                             capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=600).stdout
        for line in out.splitlines():
            w = line.split()
            if w and w[0] == "loop":
                bc, nat, vip = float(w[3]), float(w[5]), float(w[7])
                print(f"  {w[1]}: instructions/iteration bytecode {bc:.0f}, native {nat:.1f}, "
                      f"viper {vip:.1f}; bytecode/viper {bc / vip:.1f}x, bytecode/native {bc / nat:.1f}x")
            elif line.strip():
                print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
