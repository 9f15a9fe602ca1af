#!/usr/bin/env python3
"""Benchmark runner: times each program in benches/programs under Pyrite and python3 (and
micropython when it is on PATH) in one run, checks their outputs agree, and prints per-program
time ratios and their geometric mean.

  benches/run.py                     Pyrite (release build) vs python3 [vs micropython]
  benches/run.py --emit              Pyrite under -X emit=bytecode|native|viper side by side
  benches/run.py --viper             viper kernels (benches/viper) vs plain Python vs Rust
  benches/run.py --repeat 3 fib      best of 3 runs, only programs whose name contains 'fib'
  benches/run.py --emit --instructions   instructions executed (valgrind's callgrind) instead
                                     of seconds: slow, but the same on a busy machine

Ratios are Pyrite's time divided by the other's: below 1.0 means Pyrite is faster.
"""
import argparse
import math
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def counted(cmd):
    """Instructions `cmd` executes (in millions) under callgrind, and its output."""
    p = subprocess.run(["valgrind", "--tool=callgrind", "--smc-check=all-non-file",
                        "--callgrind-out-file=/dev/null"] + cmd, capture_output=True, timeout=3600)
    if p.returncode != 0:
        return None, p.stderr.decode(errors="replace").strip().splitlines()[-1:]
    refs = [l for l in p.stderr.decode(errors="replace").splitlines() if "refs:" in l]
    return int(refs[-1].split()[-1].replace(",", "")) / 1e6, p.stdout


def timed(cmd, repeat):
    best, out = None, None
    for _ in range(repeat):
        t0 = time.perf_counter()
        p = subprocess.run(cmd, capture_output=True, timeout=600)
        dt = time.perf_counter() - t0
        if p.returncode != 0:
            return None, p.stderr.decode(errors="replace").strip().splitlines()[-1:]
        best = dt if best is None else min(best, dt)
        out = p.stdout
    return best, out


def geomean(xs):
    xs = [x for x in xs if x]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")


def kernel_lines(text):
    """{name: {field: value}} from 'kernel <name> <field> <value> ...' lines."""
    out = {}
    for line in text.splitlines():
        words = line.split()
        if len(words) >= 2 and words[0] == "kernel":
            out[words[1]] = dict(zip(words[2::2], words[3::2]))
    return out


def run_viper(a):
    """Viper kernels: Pyrite's viper and bytecode against the Rust baseline (and MicroPython)."""
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "bench-baseline"], cwd=ROOT, check=True)
    rust = subprocess.run([os.path.join(ROOT, "target", "release", "bench-baseline")],
                          capture_output=True, check=True).stdout.decode()
    base = kernel_lines(rust)
    impls = [("pyrite", [a.pyrite])]
    if shutil.which("micropython"):
        impls.append(("micropython", ["micropython", "-X", "heapsize=64m"]))
    print("%-12s %8s %8s %8s %9s %11s %12s %14s  (ns per loop iteration)" % (
        "kernel", "rust", "scalar", "viper", "bytecode", "viper/rust", "viper/scalar", "bytecode/viper"))
    for prog in sorted(os.listdir(os.path.join(HERE, "viper"))):
        if not prog.endswith(".py") or a.filter not in prog:
            continue
        for name, cmd in impls:
            p = subprocess.run(cmd + [os.path.join(HERE, "viper", prog)], capture_output=True, timeout=600)
            if p.returncode != 0:
                print("%s under %s failed: %s" % (prog, name, p.stderr.decode(errors="replace").strip().splitlines()[-1:]))
                continue
            for k, f in kernel_lines(p.stdout.decode()).items():
                v, b = float(f["viper_ns"]), float(f["plain_ns"])
                r = float(base[k]["ns"]) if k in base else float("nan")
                sc = float(base[k]["scalar_ns"]) if k in base else float("nan")
                same = k in base and base[k]["result"] == f["result"]
                print("%-12s %8.3f %8.3f %8.3f %9.3f %11.2f %12.2f %14.1f%s%s" % (
                    k, r, sc, v, b, v / r, v / sc, b / v, "" if name == "pyrite" else "  [%s]" % name,
                    "" if same else "  (result differs from Rust)"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("filter", nargs="?", default="")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--emit", action="store_true", help="compare -X emit modes")
    ap.add_argument("--viper", action="store_true", help="viper kernels vs Rust")
    ap.add_argument("--instructions", action="store_true",
                    help="count instructions (valgrind) instead of timing")
    ap.add_argument("--pyrite", default=os.path.join(ROOT, "target", "release", "pyrite"))
    a = ap.parse_args()
    if a.instructions and not shutil.which("valgrind"):
        sys.exit("--instructions needs valgrind (apt-get install valgrind)")
    if not os.path.exists(a.pyrite):
        subprocess.run(["cargo", "build", "--release"], cwd=ROOT, check=True)
    if a.viper:
        return run_viper(a)
    progs = sorted(p for p in os.listdir(os.path.join(HERE, "programs")) if p.endswith(".py") and a.filter in p)
    if a.emit:
        impls = [(m, [a.pyrite, "-X", "emit=" + m]) for m in ("bytecode", "native", "viper")]
    else:
        impls = [("pyrite", [a.pyrite]), ("python3", [sys.executable])]
        if shutil.which("micropython"):
            impls.append(("micropython", ["micropython", "-X", "heapsize=64m"]))
    base = impls[0][0]
    print("%-16s" % "program" + "".join("%12s" % n for n, _ in impls) + "".join("%14s" % (base + "/" + n) for n, _ in impls[1:]))
    ratios = {n: [] for n, _ in impls[1:]}
    for prog in progs:
        path = os.path.join(HERE, "programs", prog)
        times, outs = {}, {}
        for name, cmd in impls:
            t, out = counted(cmd + [path]) if a.instructions else timed(cmd + [path], a.repeat)
            times[name], outs[name] = t, out
        row = "%-16s" % prog[:-3]
        for name, _ in impls:
            unit = "%.0fM" if a.instructions else "%.3fs"
            row += "%12s" % (unit % times[name] if times[name] else "failed")
        for name, _ in impls[1:]:
            if times[base] and times[name]:
                r = times[base] / times[name]
                ratios[name].append(r)
                row += "%14.2f" % r
            else:
                row += "%14s" % "-"
        ref = outs[impls[1][0]] if not a.emit else outs[base]
        bad = [n for n, _ in impls if times[n] and outs[n] != ref and n != "micropython"]
        if bad:
            row += "  (output differs: %s)" % ", ".join(bad)
        failed = [(n, outs[n]) for n, _ in impls if times[n] is None]
        for n, err in failed:
            row += "  [%s: %s]" % (n, " ".join(err))
        print(row, flush=True)
    print("%-16s" % "geomean" + " " * 12 * len(impls) + "".join("%14.2f" % geomean(ratios[n]) for n, _ in impls[1:]))


if __name__ == "__main__":
    main()
