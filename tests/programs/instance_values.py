# Instance attributes kept inline (shared keys per class), and every way a
# program can see that they are not: __dict__ order and identity, mutation
# through __dict__, deletion, many names, slots, classes changed later.
# Loops make the attribute sites specialize at tier 1.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return self.x * self.x + self.y * self.y


ps = [P(i, i + 1) for i in range(50)]
print(sum(p.norm() for p in ps))

# Varying attribute sets and orders on one class.
def make(i):
    p = P(i, -i)
    if i % 3 == 0:
        p.z = i * 10
    if i % 5 == 0:
        del p.x
        p.x = "again"  # re-added: now last in __dict__ order
    if i % 7 == 0:
        p.w = 1
        p.z = 2  # z after w for these
    return p


for i in range(0, 36):
    p = make(i)
    if i % 6 == 0 or i % 35 == 0:
        print(i, list(p.__dict__.items()))
    else:
        total = 0
        for _ in range(3):
            total += p.y
        print(i, total, getattr(p, "z", None), hasattr(p, "w"), vars(p) == p.__dict__)


# __dict__ is one object, and writes through it are attributes.
class Q:
    pass


q = Q()
q.a = 1
d = q.__dict__
print(d is q.__dict__, d)
d["b"] = 2
d["a"] = 10
print(q.a, q.b)
q.c = 3
print(d)
del d["a"]
print(hasattr(q, "a"), sorted(vars(q)))
for _ in range(5):
    q.c += 1
print(q.c, d["c"])
d.clear()
print(hasattr(q, "c"), q.__dict__)

# Deleting attributes, missing ones, AttributeError messages.
class R:
    def __init__(self):
        self.a = 1
        self.b = 2


rs = [R() for _ in range(20)]
for k, r in enumerate(rs):
    if k % 2:
        del r.a
count = 0
for r in rs:
    try:
        count += r.a
    except AttributeError as e:
        count += 100
        last = str(e)
print(count, last)
try:
    del rs[1].a
except AttributeError as e:
    print("del:", e)

# More names than the shared keys take.
class Many:
    pass


m = Many()
for i in range(40):
    setattr(m, "attr%d" % i, i)
print(len(m.__dict__), m.attr0, m.attr39, list(m.__dict__)[:3], list(m.__dict__)[-2:])
m2 = Many()
m2.attr39 = "x"
m2.attr0 = "y"
print(list(m2.__dict__.items()))

# Attribute names made at run time (not interned).
name = "".join(["dyn", "amic"])
setattr(q, name, 42)
print(getattr(q, "dynamic"), q.dynamic, "dynamic" in q.__dict__)

# A method, then an instance attribute that shadows it.
class S:
    def f(self):
        return "method"


ss = [S() for _ in range(4)]
out = []
for n in range(12):
    s = ss[n % 4]
    if n == 6:
        ss[2].f = lambda: "instance"
    out.append(s.f())
print(out)

# A class attribute added after instances exist, then shadowed.
class T:
    def __init__(self):
        self.v = 1


ts = [T() for _ in range(3)]
T.v2 = "class"
print([t.v2 for t in ts])
ts[1].v2 = "inst"
print([t.v2 for t in ts])
T.v = "class v"
print([t.v for t in ts])
del ts[0].v
print(ts[0].v)

# A data descriptor added to the class later wins over the values.
class U:
    def __init__(self):
        self.p = "value"


us = [U() for _ in range(3)]
for _ in range(3):
    print([u.p for u in us])
    if _ == 1:
        U.p = property(lambda self: "property")

# __slots__: inline too, inherited, with and without a __dict__.
class A:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


class B(A):
    __slots__ = ("z",)


class C(B):
    pass


bs = []
for i in range(10):
    b = B(i)
    b.z = i * 2
    bs.append(b)
print(sum(b.x + b.z for b in bs))
try:
    bs[0].y
except AttributeError as e:
    print("slot:", e)
bs[0].y = 5
del bs[0].x
try:
    del bs[0].x
except AttributeError as e:
    print("del slot:", e)
try:
    bs[0].other = 1
except AttributeError as e:
    print("no dict:", e)
c = C(1)
c.z = 2
c.extra = 3
print(c.x, c.z, c.extra, c.__dict__, hasattr(bs[0], "__dict__"))

# __del__ runs when an attribute's old value is replaced or deleted.
class Noisy:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


class Holder:
    def __init__(self):
        self.h = Noisy(0)


h = Holder()
for i in range(1, 4):
    h.h = Noisy(i)
    print("stored", i)
del h.h
print("deleted")
h.h = Noisy(9)
h = None
print("end")

# __getattr__ and __setattr__ still apply.
class G:
    def __init__(self):
        self.seen = []

    def __getattr__(self, name):
        return "missing " + name


class W:
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2)


g = G()
w = W()
for i in range(3):
    w.v = i
    print(g.nope, g.seen, w.v)
