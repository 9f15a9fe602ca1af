#!/usr/bin/env python3
"""Record the expected output of conformance tests by running them under CPython.

For every tests/**/*.py (or the files given), writes <file>.py.exp with CPython's standard
output and, when the program exits with an error, a last line
'--- exit <status>: <last stderr line>' -- the same shape tests/conformance.rs produces from
pyrite. Programs may `import micropython`: tools/cpython_shim provides CPython with a stand-in
whose code-emitter decorators are the identity. Modules that tests import (`mod_*.py`, packages) are not tests themselves. Files listed
in tests/DIFFERENCES (deliberate differences from CPython) are skipped:
their .exp files are written by hand with a comment in the test explaining why.
"""
import os
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests")
SHIM = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cpython_shim")


def hand_written():
    path = os.path.join(ROOT, "DIFFERENCES")
    if not os.path.exists(path):
        return set()
    with open(path) as f:
        return {l.split("#")[0].strip() for l in f if l.split("#")[0].strip()}


def record(py):
    rel = os.path.relpath(py, ROOT)
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8", PYTHONPATH=SHIM)
    p = subprocess.run([sys.executable, os.path.basename(py)], cwd=os.path.dirname(py),
                       capture_output=True, env=env, timeout=120)
    out = p.stdout.decode("utf-8", "replace")
    if p.returncode != 0:
        err = [l for l in p.stderr.decode("utf-8", "replace").splitlines() if l.strip()]
        out += "--- exit %d: %s\n" % (p.returncode, err[-1] if err else "")
    with open(py + ".exp", "w") as f:
        f.write(out)
    return rel


def main():
    skip = hand_written()
    files = sys.argv[1:]
    if not files:
        for d, dirs, names in os.walk(ROOT):
            dirs[:] = [x for x in dirs if x != "pending"]
            if "__init__.py" in names:
                continue  # a package imported by some test, not a test
            files += [os.path.join(d, n) for n in names
                      if n.endswith(".py") and not n.startswith("mod_")]
    for py in sorted(files):
        rel = os.path.relpath(py, ROOT)
        if rel in skip:
            print("skip (hand-written)", rel)
            continue
        print("recorded", record(os.path.abspath(py)))


if __name__ == "__main__":
    main()
