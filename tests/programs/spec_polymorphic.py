# Attribute sites that see several classes (a base class's methods run on
# instances of its subclasses): tier 1 caches up to four types per site.
# Changing any of the classes mid-loop, adding a fifth, reordering
# attributes, shadowing with a descriptor or an instance attribute, and
# a __setattr__ added later must all behave as in CPython.


class Base:
    def __init__(self, n):
        self.n = n
        self.total = 0

    def step(self):
        self.total = self.total + self.n
        return self.total

    def name(self):
        return "base"

    def describe(self):
        return self.name() + ":" + str(self.n)


class A(Base):
    pass


class B(Base):
    pass


class C(Base):
    pass


class D(Base):
    pass


class E(Base):
    pass


class Reordered(Base):
    def __init__(self, n):
        self.other = -1
        Base.__init__(self, n)


def run(objs, rounds):
    out = []
    for _ in range(rounds):
        for o in objs:
            o.step()
            out.append(o.describe())
    return out


def show(label, objs, rounds=3):
    r = run(objs, rounds)
    print(label, r[-len(objs):], [o.total for o in objs])


four = [A(1), B(2), C(3), D(4)]
show("warm", four, 200)
show("again", four)

# A fifth class at the same sites (the set is full).
five = four + [E(5)]
show("five", five, 50)

# A class whose attributes sit at other indices.
mixed = [A(1), Reordered(7), B(2)]
show("reordered", mixed, 50)

# A method overridden on one subclass after the sites saw it.
C.name = lambda self: "C!"
show("C.name", four)

# A data descriptor on one subclass shadows the instance attribute.
B.n = property(lambda self: 100)
show("B.n property", four)
del B.n
show("B.n deleted", four)

# A class attribute (not a descriptor) does not shadow the instance value.
D.n = 1000
show("D.n class attr", four)

# An instance attribute shadows the method for one instance only.
four[0].name = lambda: "instance!"
show("instance name", four)
del four[0].name
show("instance name deleted", four)

# The method rebound on the base class: every subclass sees it.
Base.describe = lambda self: "new " + self.name() + "/" + str(self.n)
show("Base.describe", four)

# An instance attribute deleted: the class attribute (or an error) shows.
a = A(9)
objs = [a, B(1), C(2), D(3)]
show("fresh", objs, 50)
del a.n
try:
    show("a.n deleted", objs)
except AttributeError as e:
    print("AttributeError:", e)
A.n = 42
show("A.n class fallback", objs)

# Stores through the polymorphic site after a __setattr__ appears.
def set_total(o, v):
    o.total = v


objs = [A(1), B(2), C(3), D(4)]
for _ in range(100):
    for o in objs:
        set_total(o, 1)
log = []


def logging_setattr(self, k, v):
    log.append((type(self).__name__, k, v))
    object.__setattr__(self, k, v)


C.__setattr__ = logging_setattr
for o in objs:
    set_total(o, 7)
print([o.total for o in objs], log)


# A call site whose callee each subclass overrides (one function per class).
class Shape:
    def area_of(self, k):
        return self.area(k, 2)


class Sq(Shape):
    def area(self, k, m):
        return k * k * m


class Tri(Shape):
    def area(self, k, m):
        return k * m // 2


class Circ(Shape):
    def area(self, k, m):
        return 3 * k * k + m


class Hex(Shape):
    def area(self, k, m):
        return 6 * k + m


class Oct(Shape):
    def area(self, k, m):
        return 8 * k - m


def areas(shapes, n):
    t = 0
    for i in range(n):
        for s in shapes:
            t += s.area_of(i)
    return t


shapes = [Sq(), Tri(), Circ(), Hex()]
print("areas", areas(shapes, 100))
print("five", areas(shapes + [Oct()], 20))
# A callee replaced by one with another signature, then by a plain one.
Tri.area = lambda self, k, m, extra=100: k + m + extra
print("defaults", areas(shapes, 20))
Tri.area = lambda self, k, m: k - m
print("replaced", areas(shapes, 20))
# The function's defaults change: calls through the cached version stop.
def sq_area(self, k, m=0):
    return k + m
Sq.area = sq_area
print("sq", areas(shapes, 20))
sq_area.__defaults__ = (5,)
print("sq defaults", areas(shapes, 20))
# A non-function callable (a bound method stored on the instance).
shapes[2].area = Hex().area
print("instance callable", areas(shapes, 20))
# One class's method becomes a staticmethod, then is deleted (the base's
# method shows, which here does not exist: AttributeError).
Hex.area = staticmethod(lambda k, m: -k)
print("staticmethod", areas(shapes, 20))
del Hex.area
try:
    areas(shapes, 20)
except AttributeError as e:
    print("AttributeError:", e)
Shape.area = lambda self, k, m: 1
print("base area", areas(shapes, 20))
