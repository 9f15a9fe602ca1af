# `stat_result`, written in Python: a tuple of the ten integer fields with CPython's `st_*`
# names (the times as floats there, as in CPython).
class stat_result(tuple):
    n_sequence_fields = 10
    n_fields = 10
    n_unnamed_fields = 0
    _names = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size',
              'st_atime', 'st_mtime', 'st_ctime')
    def __new__(cls, seq):
        seq = tuple(seq)
        if len(seq) != 10:
            raise TypeError('os.stat_result() takes a 10-sequence (%d-sequence given)' % len(seq))
        return tuple.__new__(cls, seq)
    def __repr__(self):
        return 'os.stat_result(' + ', '.join(
            '%s=%r' % (n, v) for n, v in zip(self._names, self)) + ')'
    def __reduce__(self):
        return (stat_result, (tuple(self),))
    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])
    st_atime = property(lambda self: float(self[7]))
    st_mtime = property(lambda self: float(self[8]))
    st_ctime = property(lambda self: float(self[9]))
stat_result.__module__ = 'os'
