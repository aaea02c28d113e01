# CALL_BUILTIN_CLASS (list/set/frozenset of one argument), CALL_TUPLE_1,
# and generators that yield inside an except block (the handled exception
# is swapped in and out at every resume).


def conv(cls, x):
    return cls(x)


class T(tuple):
    pass


class FS(frozenset):
    pass


def gen(n):
    for i in range(n):
        yield i * i


for _ in range(4):
    r = (conv(list, gen(4)), sorted(conv(set, gen(4))), sorted(conv(frozenset, [3, 1])), conv(tuple, gen(3)))
print(r)
fs = frozenset([1, 2])
print(conv(frozenset, fs) is fs, type(conv(frozenset, FS([1]))).__name__, type(conv(tuple, T((1, 2)))).__name__)
t = (1, 2)
print(conv(tuple, t) is t, conv(list, "ab"), conv(list, {"k": 1}), sorted(conv(set, "aab")))
for bad in (5, None):
    for cls in (list, set, frozenset, tuple):
        try:
            conv(cls, bad)
        except TypeError as e:
            print(cls.__name__, "TypeError", e)
print(conv(dict, [(1, 2)]), conv(str, 12), conv(int, "7"))


class Boom:
    def __iter__(self):
        raise ValueError("boom")


try:
    conv(list, Boom())
except ValueError as e:
    print("ValueError", e)


def in_except():
    try:
        raise KeyError("inner")
    except KeyError:
        yield 1
        import sys
        yield repr(sys.exc_info()[1])
    yield "after"


import sys

try:
    raise IndexError("outer")
except IndexError:
    g = in_except()
    print(next(g), repr(sys.exc_info()[1]))
    print(next(g), repr(sys.exc_info()[1]))
    print(next(g), repr(sys.exc_info()[1]))
g = in_except()
print(next(g), sys.exc_info()[1])
print(next(g), sys.exc_info()[1])
print(list(g), sys.exc_info()[1])
print(sorted(set(x + 1 for x in range(5))), tuple(x for x in "abc"))

# reversed(range) is a range_iterator (FOR_ITER_RANGE runs it).
for r in (range(0), range(5), range(10, 0, -3), range(-5, 5, 2), range(2**62, 2**62 + 3),
          range(0, 2**70, 2**60), range(-(2**63), -(2**63) + 2), range(3, 2**63, 2**62)):
    it = reversed(r)
    small = -(2**62) < r.start < 2**62 and -(2**62) < r.stop < 2**62
    print(type(it).__name__ if small else "", list(it)[:3], len(list(reversed(r))))
total = 0
for i in reversed(range(7)):
    total = total * 10 + i
print(total)


# list + list, tuple + tuple, and what must not take the fast path.
class MyL(list):
    def __add__(self, other):
        return "MyL.__add__"


class MyT(tuple):
    def __radd__(self, other):
        return "MyT.__radd__"


a = [1, 2]
for _ in range(3):
    print(a + a, (1,) + (2, 3), [] + [], () + ())
print(MyL([1]) + [2], [2] + MyL([1]), (1,) + MyT((2,)), type((1,) + ()).__name__)
try:
    [1] + (2,)
except TypeError as e:
    print("TypeError", e)
try:
    (1,) + [2]
except TypeError as e:
    print("TypeError", e)
b = a + a
b.append(3)
print(a, b)
