# A pystone-like mix: records, branches, string comparison, array and global access.
class Record:
    def __init__(self, ptr=None, discr=0, enum=0, intcomp=0, strcomp=""):
        self.ptr = ptr
        self.discr = discr
        self.enum = enum
        self.intcomp = intcomp
        self.strcomp = strcomp

    def copy(self):
        return Record(self.ptr, self.discr, self.enum, self.intcomp, self.strcomp)

GLOBAL_INT = 0
ARRAY = [0] * 51
ARRAY2 = [[0] * 51 for _ in range(51)]

def proc1(rec):
    nxt = rec.ptr.copy()
    rec.ptr.intcomp = 5
    nxt.intcomp = rec.ptr.intcomp
    nxt.ptr = rec.ptr
    nxt.ptr = proc3(nxt.ptr)
    if nxt.discr == 0:
        nxt.intcomp = 6
        nxt.enum = proc6(rec.enum)
        nxt.ptr = rec.ptr.ptr
        nxt.intcomp = proc7(nxt.intcomp, 10)
    else:
        rec = nxt.copy()
    return rec

def proc3(ptr):
    global GLOBAL_INT
    if ptr is not None:
        GLOBAL_INT += 1
    return ptr

def proc6(enum):
    if enum == 1:
        return 2
    if enum == 2:
        return 3 if GLOBAL_INT > 100 else 1
    return enum

def proc7(a, b):
    return a + 2 + b

def proc8(arr, arr2, a, b):
    loc = a + 5
    arr[loc] = b
    arr[loc + 1] = arr[loc]
    arr[loc + 30] = loc
    for idx in range(loc, loc + 2):
        arr2[loc][idx] = loc
    arr2[loc][loc - 1] += 1
    arr2[loc + 20][loc] = arr[loc]

def func2(s1, s2):
    i = 1
    while i <= 1:
        if s1[i] == s2[i + 1]:
            i += 1
        else:
            return s1 > s2
    return False

def run(loops):
    glob = Record(None, 0, 2, 40, "DHRYSTONE PROGRAM, SOME STRING")
    glob.ptr = Record(None, 0, 2, 40, "DHRYSTONE PROGRAM, SOME STRING")
    total = 0
    for i in range(loops):
        glob = proc1(glob)
        proc8(ARRAY, ARRAY2, 1, 3)
        if func2("DHRYSTONE PROGRAM, 1'ST STRING", "DHRYSTONE PROGRAM, 2'ND STRING"):
            total += 1
        total += proc7(i % 5, 3)
    return total, GLOBAL_INT
print(run(150000))
