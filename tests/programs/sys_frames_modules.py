# sys: _getframe with f_back/f_code/f_lineno walking the stack, frame
# globals, sys.modules and sys.path basics, argv, exc_info inside handlers.
import sys


def where(depth=0):
    f = sys._getframe(depth + 1)
    return f.f_code.co_name, f.f_lineno


def caller_chain():
    names = []
    f = sys._getframe()
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names


def outer():
    def middle():
        def inner():
            return caller_chain(), where(), where(1)
        return inner()
    return middle()


chain, here, up = outer()
print(chain, here, up)
frame = sys._getframe()
print(frame.f_code.co_name, frame.f_back, frame.f_globals is globals(), frame.f_code.co_filename.endswith(".py"))


def read_caller_local():
    return sys._getframe(1).f_locals["secret"]


def has_secret():
    secret = "42"
    return read_caller_local()


print(has_secret())
print("sys" in sys.modules, sys.modules["__main__"].__name__, type(sys.path).__name__, len(sys.argv), sys.argv[0].endswith(".py"))
print(sys.getrecursionlimit() >= 1000, sys.maxsize == 2**63 - 1, sys.byteorder, sys.version_info >= (3, 0), sys.version_info[:1])
print(isinstance(sys.version, str), sys.implementation.name in ("cpython", "pyfast"), sys.float_info.epsilon, sys.maxunicode)
try:
    raise KeyError("k")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), tb.tb_lineno, sys.exception() is v if hasattr(sys, "exception") else True)
print(sys.exc_info() == (None, None, None))
sys.stdout.write("written directly\n")
print("count:", sys.stdout.write("abc\n"))
import math
print(sys.modules["math"] is math, "math" in sys.modules)
