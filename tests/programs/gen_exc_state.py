# A generator's exception state is its own: an exception it handles
# while suspended stays hidden from the caller, and comes back when it
# resumes; generator attributes.
import sys


def worker():
    while True:
        try:
            yield "idle"
        except ValueError as e:
            print("worker handling", e, "| exc_info:", repr(sys.exc_info()[1]))
            yield "handled"
            print("worker resumed, still handling", repr(sys.exc_info()[1]))


w = worker()
print(next(w))
print(w.throw(ValueError("bad input")))
print("caller sees", sys.exc_info())
try:
    raise KeyError("caller's own")
except KeyError:
    print(next(w))
    print("caller still handling", repr(sys.exc_info()[1]))
print(next(w))


def sees_caller():
    print("inside sees", repr(sys.exc_info()[1]))
    yield 1
    print("inside after", repr(sys.exc_info()[1]))
    yield 2


g = sees_caller()
try:
    raise TypeError("outer")
except TypeError:
    print(next(g))
print(next(g))

try:
    try:
        raise OSError("first")
    except OSError:
        def chained():
            yield 1
            raise ValueError("from generator")
        for x in chained():
            print("got", x)
except ValueError as e:
    print("context:", repr(e.__context__))


def counter():
    n = 0
    while n < 2:
        yield n
        n += 1


c = counter()
print(c.__name__, c.__qualname__, c.gi_running, c.gi_code.co_name, c.gi_frame is not None)
print(next(c), c.gi_frame.f_lineno, list(c), c.gi_frame)


def running():
    yield me.gi_running


me = running()
print(next(me))
