# Traceback and frame objects, made from the entries only when a program asks for them.
class frame:
    __slots__ = ('f_code', 'f_lineno', 'f_globals', 'f_locals', 'f_back', 'f_lasti')
    def __repr__(self):
        c = self.f_code
        return '<frame at 0x%x, file %r, line %d, code %s>' % (
            id(self), c.co_filename, self.f_lineno, c.co_name)
    def clear(self):
        pass

class traceback:
    __slots__ = ('tb_frame', 'tb_lineno', 'tb_next', 'tb_lasti')
    def __repr__(self):
        return '<traceback object at 0x%x>' % id(self)

def make_frame(code, line, globals):
    f = frame()
    f.f_code, f.f_lineno, f.f_lasti = code, line, -1
    f.f_globals = globals
    f.f_locals = f.f_back = None
    return f

def build(entries):
    tb = None
    frames = []
    for code, line in entries:
        f = make_frame(code, line, None)
        frames.append(f)
        t = traceback()
        t.tb_frame, t.tb_lineno, t.tb_next, t.tb_lasti = f, line, tb, -1
        tb = t
    for inner, outer in zip(frames, frames[1:]):
        inner.f_back = outer
    return tb

def entries(tb):
    out = []
    while tb is not None:
        if type(tb) is not traceback:
            raise TypeError('__traceback__ must be a traceback or None')
        out.append((tb.tb_frame.f_code, tb.tb_lineno))
        tb = tb.tb_next
    out.reverse()
    return out
