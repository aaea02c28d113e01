# Corners: self-referencing reprs, exec/eval namespaces, str subclasses in
# conversions, del and unbound names, chained comparisons, range methods,
# hashes of special values, metaclass reprs, tuple and bytes operations.
l = [1]; l.append(l); print(l)
d = {}; d["self"] = d; print(d)
ns = {}
exec("x = 5\ny = x * 2", ns)
print(ns["y"], eval("x + y", ns), eval("[i*i for i in range(3)]"))
class S(str): pass
print(int(S("42")), float(S("1.5")), S("a").upper(), type(S("a").upper()).__name__, S("ab") + "c", len(S("abc")))
def f():
    x = 1
    del x
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
f()
a = 5
del a
try:
    a
except NameError as e:
    print(e)
print(1 < 2 < 3 > 2, 1 < 2 > 3, (lambda: (yield))().__class__.__name__)
print(divmod(-7, 2), -7 // 2, -7 % 2, 7 // -2, 2 ** -2, (-8) ** (1/3) if False else 0)
x = [3, 1, 2]
try:
    sorted(x, key=lambda v: 1 / (v - 1))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(x)
print(str(range(5)), repr(range(0, 10, 2)), range(5) == range(0, 5), list(range(10, 0, -3)), range(3).index(2), range(3).count(1))
print(hash(1.5) == hash(1.5), hash(-1), hash(-2), hash(2**61), hash(float("inf")))
print("%s" % {1, 2} if False else "", "{:>5}".format(True), f"{None!s:>5}", format(1.0, ".0%"))
print(max([1, 2], [1, 3]), min("abc", "abd"), sum([True, True]), abs(-True))
class Meta(type):
    def __repr__(cls): return f"<Meta {cls.__name__}>"
class K(metaclass=Meta): pass
print(K, [K], type(K).__name__, repr(K))
print(round(-0.5), round(0.5), round(1.5), round(2.5), -0.0 == 0.0, str(-0.0))
t = (1, 2, 3)
print(t[1:], t * 0, t.index(3), (1,) + (2,), tuple(reversed(t)), t < (1, 2, 4), hash(t) == hash((1, 2, 3)))
print(bytes(range(3)) + bytearray(b"x"), b"abc".split(b"b"), bytearray(b"hi") == b"hi")
