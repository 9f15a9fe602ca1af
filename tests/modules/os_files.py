# The os module's file-system calls (the ones MicroPython's os has too): making, listing,
# renaming, stat-ing and removing files and directories, the current directory, and the
# OSError subclasses with errno and filename for what fails.
import os
base = '/tmp/pyrite_conformance_os_files'
for name in [base + '/sub/f2', base + '/f1', base + '/g1']:
    try:
        os.remove(name)
    except OSError:
        pass
for d in [base + '/sub', base]:
    try:
        os.rmdir(d)
    except OSError:
        pass

print(os.sep, os.name)
os.mkdir(base)
os.mkdir(base + '/sub')
with open(base + '/f1', 'w') as f:
    f.write('12345')
with open(base + '/sub/f2', 'wb') as f:
    f.write(b'xy')
print(sorted(os.listdir(base)), os.listdir(base + '/sub'))
st = os.stat(base + '/f1')
print(st.st_size, st[6], len(st), type(st).__name__, type(st.st_mtime).__name__)
print(st.st_mode & 0o170000 == 0o100000, os.stat(base).st_mode & 0o170000 == 0o040000)
os.rename(base + '/f1', base + '/g1')
print(sorted(os.listdir(base)))
cwd = os.getcwd()
os.chdir(base)
print(os.getcwd() == base, sorted(os.listdir()), sorted(os.listdir('.')))
os.chdir(cwd)
print(os.getcwd() == cwd)

for call, args in [(os.remove, (base + '/missing',)), (os.rmdir, (base,)),
                   (os.mkdir, (base,)), (os.stat, (base + '/missing',)),
                   (os.listdir, (base + '/g1',)), (os.chdir, (base + '/missing',))]:
    try:
        call(*args)
    except OSError as e:
        print(call.__name__, type(e).__name__, e.errno, e.filename == args[0])
try:
    os.stat(42.0)
except TypeError as e:
    print('TypeError')

os.unlink(base + '/g1')
os.remove(base + '/sub/f2')
os.rmdir(base + '/sub')
os.rmdir(base)
print('done')
