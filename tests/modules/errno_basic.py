# errno: constants and errorcode
import errno
print(errno.EPERM, errno.ENOENT, errno.EIO, errno.EBADF, errno.EAGAIN, errno.ENOMEM, errno.EACCES, errno.EEXIST)
print(errno.ENODEV, errno.EISDIR, errno.EINVAL, errno.ENOSPC, errno.ETIMEDOUT, errno.ECONNRESET, errno.EWOULDBLOCK)
print(errno.EADDRINUSE, errno.ECONNREFUSED, errno.EHOSTUNREACH, errno.EALREADY, errno.EINPROGRESS, errno.ENOTCONN)
print(errno.EDEADLK, errno.EDEADLOCK, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EPIPE, errno.ERANGE, errno.EDOM)
print(errno.errorcode[2], errno.errorcode[11], errno.errorcode[35], errno.errorcode[95], errno.errorcode[110])
print(len(errno.errorcode), sorted(errno.errorcode)[:10], sorted(errno.errorcode.values())[:5])
print(all(getattr(errno, name) == code for code, name in errno.errorcode.items()))
print(sorted(n for n in dir(errno) if n.startswith('E'))[:20])
print(list(errno.errorcode.items())[:8])
try:
    raise OSError(errno.ENOENT, 'No such file or directory')
except OSError as e:
    print(e.errno == errno.ENOENT, errno.errorcode[e.errno])
