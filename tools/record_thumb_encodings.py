#!/usr/bin/env python3
"""Record what GNU as makes of every native-thumb golden case.

The cases live in native-thumb/tests/cases/ (Rust). This script asks the ignored test
`dump_cases` for the list ("isa<TAB>assembly text" lines), assembles every case with
arm-none-eabi-as for its ISA level -- Cortex-M0 (v6m), Cortex-M3 (v7m), Cortex-M4 with
FPv4-SP (v7em), unified syntax -- and writes native-thumb/tests/encodings.expected:

    isa<TAB>text<TAB>bytes in hex         (or fnv1a64:<length>:<hash> past 64 bytes)
    isa<TAB>text<TAB>error: <as's message> (as refused it)

Each case goes in its own section followed by `.ltorg` and an end symbol, so it starts at
offset 0 (like a fresh Assembler), its literal pool is placed at its end (like
Assembler::finish), and section padding is not counted. All cases of a level are assembled
in one file; cases as rejects are recorded and the rest assembled again.

Usage (from anywhere; needs binutils-arm-none-eabi):
    CARGO_TARGET_DIR=/work/target-thumb python3 tools/record_thumb_encodings.py
Environment: ARM_AS overrides the assembler (default arm-none-eabi-as).
Standard library only.
"""
import os
import re
import struct
import subprocess
import sys
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
EXPECTED = os.path.join(ROOT, "native-thumb", "tests", "encodings.expected")
AS = os.environ.get("ARM_AS", "arm-none-eabi-as")
FLAGS = {
    "v6m": ["-mcpu=cortex-m0"],
    "v7m": ["-mcpu=cortex-m3"],
    "v7em": ["-mcpu=cortex-m4", "-mfpu=fpv4-sp-d16", "-mfloat-abi=hard"],
}
R_ARM_ABS32 = 2


def case_list():
    """[(isa, text)] in the Rust table's order."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "cases.txt")
        env = dict(os.environ, NATIVE_THUMB_CASES=path)
        cmd = ["cargo", "test", "-q", "-p", "native-thumb", "--test", "encodings", "--",
               "--ignored", "--exact", "dump_cases"]
        subprocess.run(cmd, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
        with open(path) as f:
            return [tuple(line.split("\t", 1)) for line in f.read().splitlines()]


def read_elf(path):
    """Sections {name: bytes}, symbols {name: value} and relocation types per section."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"\x7fELF" or data[4] != 1 or data[5] != 1:
        raise SystemExit("%s: not a 32-bit little-endian ELF file" % path)
    shoff, = struct.unpack_from("<I", data, 0x20)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x2E)
    headers = [struct.unpack_from("<10I", data, shoff + i * shentsize) for i in range(shnum)]

    def cstr(table, off):
        end = data.index(b"\0", table + off)
        return data[table + off:end].decode()

    names = [cstr(headers[shstrndx][4], h[0]) for h in headers]
    sections, symbols, relocs = {}, {}, {}
    for name, (_, kind, _, _, off, size, link, info, _, entsize) in zip(names, headers):
        if kind == 1:  # PROGBITS
            sections[name] = data[off:off + size]
        elif kind == 2:  # SYMTAB
            strtab = headers[link][4]
            for i in range(size // entsize):
                st_name, value, _, _, _, _ = struct.unpack_from("<IIIBBH", data, off + i * entsize)
                if st_name:
                    symbols[cstr(strtab, st_name)] = value
        elif kind == 9:  # REL
            target = names[info]
            relocs[target] = [struct.unpack_from("<II", data, off + i * 8)[1] & 0xFF
                              for i in range(size // 8)]
    return sections, symbols, relocs


def assemble(isa, cases, workdir):
    """Assembles [(index, text)]; returns ({index: error}, [warnings], object path or None)."""
    src = os.path.join(workdir, "%s.s" % isa)
    obj = os.path.join(workdir, "%s.o" % isa)
    lines = [".syntax unified", ".thumb"]
    owner = {}
    for index, text in cases:
        # .balign 4 emits nothing at offset 0; it gives the section the alignment that
        # PC-relative loads (and Assembler output) assume.
        lines.append('.section .text.c%d,"ax",%%progbits' % index)
        lines.append(".balign 4")
        for stmt in (text, ".ltorg", "__end_%d:" % index):
            lines.append(stmt)
            owner[len(lines)] = index
    with open(src, "w") as f:
        f.write("\n".join(lines) + "\n")
    p = subprocess.run([AS, "-mthumb"] + FLAGS[isa] + [src, "-o", obj],
                       capture_output=True, text=True)
    errors, warnings = {}, []
    for line in p.stderr.splitlines():
        m = re.match(r"^.*?\.s:(\d+): (?:(Error|Warning): )?(.*)$", line)
        if not m:
            if line.strip() and not line.endswith("Assembler messages:"):
                raise SystemExit("%s: unexpected output from as: %s" % (isa, line))
            continue
        lineno, level, message = int(m.group(1)), m.group(2) or "Warning", m.group(3)
        if lineno not in owner:
            raise SystemExit("%s: message for line %d belongs to no case: %s" % (isa, lineno, line))
        if level == "Error":
            errors.setdefault(owner[lineno], message.replace("\t", " "))
        else:
            warnings.append("%s: warning for %r: %s" % (isa, dict(cases)[owner[lineno]], message))
    if p.returncode != 0 and not errors:
        raise SystemExit("%s: as failed without a per-line error:\n%s" % (isa, p.stderr))
    return errors, warnings, (obj if p.returncode == 0 else None)


def digest(code):
    if len(code) <= 64:
        return code.hex()
    h = 0xCBF29CE484222325
    for b in code:
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return "fnv1a64:%d:%016x" % (len(code), h)


def record(isa, cases, workdir):
    """{index: result column} for the cases of one level."""
    results = {}
    remaining = list(cases)
    for _ in range(4):
        errors, warnings, obj = assemble(isa, remaining, workdir)
        for index, message in errors.items():
            results[index] = "error: " + message
        remaining = [c for c in remaining if c[0] not in errors]
        if obj:
            for w in warnings:
                print(w)
            break
    else:
        raise SystemExit("%s: as keeps failing after removing the refused cases" % isa)
    sections, symbols, relocs = read_elf(obj)
    for index, text in remaining:
        name = ".text.c%d" % index
        kinds = set(relocs.get(name, []))
        if kinds - {R_ARM_ABS32}:
            # Only literal addresses (R_ARM_ABS32, addend in place = offset from base 0)
            # are meaningful here; anything else is a reference as could not resolve,
            # such as a branch to a label the case never defines.
            results[index] = "error: unresolved reference (relocation types %s)" % sorted(kinds)
            continue
        end = symbols["__end_%d" % index]
        results[index] = digest(sections.get(name, b"")[:end])
    return results


def main():
    version = subprocess.run([AS, "--version"], capture_output=True, text=True, check=True)
    version = version.stdout.splitlines()[0]
    cases = case_list()
    for isa, text in cases:
        if isa not in FLAGS:
            raise SystemExit("unknown ISA %r" % isa)
    results = {}
    with tempfile.TemporaryDirectory() as workdir:
        for isa in FLAGS:
            mine = [(i, text) for i, (level, text) in enumerate(cases) if level == isa]
            results.update(record(isa, mine, workdir))
    with open(EXPECTED, "w") as f:
        f.write("# Generated by tools/record_thumb_encodings.py from %s. Do not edit.\n" % version)
        f.write("# isa<TAB>GNU as text<TAB>bytes (hex, or fnv1a64:<len>:<hash>) or error: <as's message>\n")
        for i, (isa, text) in enumerate(cases):
            f.write("%s\t%s\t%s\n" % (isa, text, results[i]))
    refused = sum(1 for r in results.values() if r.startswith("error:"))
    print("%d cases (%d refused by as) written to %s" % (len(cases), refused, os.path.relpath(EXPECTED)))


if __name__ == "__main__":
    main()
