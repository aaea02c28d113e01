# expected: hand-written (Python 3.13 semantics, PEP 667: writes through
# frame.f_locals reach the function's real local variable; CPython 3.11
# would print "foo").
import sys


class Sneaky:
    def __del__(self):
        sys._getframe(1).f_locals["x"] = "bar"


def f():
    x = Sneaky()
    x = "foo"
    print(x)
    frame = sys._getframe()
    frame.f_locals["y"] = 42
    y = frame.f_locals["y"]
    print(y, sorted(frame.f_locals.keys()))


f()
