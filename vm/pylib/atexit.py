# The parts of `atexit` written in Python (run into the module's namespace when it is made).
import sys
_callbacks = []
_sys_func = None

def register(func, *args, **kwargs):
    if not callable(func):
        raise TypeError('the first argument must be callable')
    _callbacks.append((func, args, kwargs))
    return func

def unregister(func):
    _callbacks[:] = [c for c in _callbacks if c[0] != func]

def _clear():
    del _callbacks[:]

def _ncallbacks():
    return len(_callbacks)

def _sys_atexit(func):
    global _sys_func
    if func is not None and not callable(func):
        raise TypeError('the first argument must be callable')
    previous = _sys_func
    _sys_func = func
    return previous

def _call(func, args, kwargs):
    try:
        func(*args, **kwargs)
    except SystemExit:
        pass
    except BaseException as e:
        print('Exception ignored in atexit callback:', repr(func), file=sys.stderr)
        sys.print_exception(e, sys.stderr)

def _run_exitfuncs():
    global _sys_func
    if _sys_func is not None:
        func, _sys_func = _sys_func, None
        _call(func, (), {})
    while _callbacks:
        func, args, kwargs = _callbacks.pop()
        _call(func, args, kwargs)
