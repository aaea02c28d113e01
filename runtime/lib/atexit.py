"""Functions to run when the interpreter exits (after the main module
ends, normally or by an exception or sys.exit)."""

import sys as _sys

_handlers = []


def register(func, /, *args, **kwargs):
    """Run func(*args, **kwargs) at exit; return func (a decorator too)."""
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _handlers.append((func, args, kwargs))
    return func


def unregister(func):
    _handlers[:] = [h for h in _handlers if h[0] != func]


def _clear():
    _handlers.clear()


def _ncallbacks():
    return len(_handlers)


def _run_exitfuncs():
    while _handlers:
        func, args, kwargs = _handlers.pop()
        try:
            func(*args, **kwargs)
        except SystemExit:
            pass
        except BaseException as e:
            import traceback
            print("Exception ignored in atexit callback: %r" % (func,), file=_sys.stderr)
            traceback.print_exception(e, file=_sys.stderr)
