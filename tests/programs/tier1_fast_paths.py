# The interpreter's fast paths must not change what operators, slices,
# constructors and polymorphic call sites mean: each case runs often enough
# to warm up, specialize, miss and respecialize.


class F(float):
    def __add__(self, o):
        return "F.add"

    def __radd__(self, o):
        return "F.radd"

    def __truediv__(self, o):
        return "F.div"

    def __rtruediv__(self, o):
        return "F.rdiv"

    def __pow__(self, o):
        return "F.pow"

    def __rmod__(self, o):
        return "F.rmod"


def mixed(a, b):
    return a + b, a - b, a * b, a / b


def errors(a, b, op):
    try:
        if op == "/":
            return a / b
        if op == "//":
            return a // b
        if op == "%":
            return a % b
        return a**b
    except (ZeroDivisionError, OverflowError, ValueError) as e:
        return type(e).__name__ + ": " + str(e)


for _ in range(3):
    print(F(1.0) + 2.0, 2.0 + F(1.0), 1 + F(1.0), F(1.0) + 1, 1 / F(2.0), F(2.0) / 2)
    print(F(2.0) ** 2.0, 2.0 ** F(1.0), 7.5 % F(2.0))
    print(mixed(1.5, 2), mixed(3, 0.25), mixed(2**61, 0.5))
    print(7 / 2, -7 / 2, 1 / 3, 2**53 / 3, (2**53 + 1) / 3, 10**20 / 7, (2**61 - 1) / 3)
    print(2.0**-1.5, (-8.0) ** 3.0, 7.5 % 2, -7.5 % 2, 7.5 // 2, -7.5 // 2, 0.0**0.0)
    print(errors(1, 0, "/"), errors(1.0, 0, "/"), errors(1.5, 0.0, "//"), errors(1.5, 0.0, "%"))
    print(errors(0.0, -1.0, "**"), errors(1e300, 10.0, "**"))

# Slices: whole, partial, reversed, extended, assignment from a fresh list,
# from the list itself, and an __index__ that changes the list first.
for _ in range(3):
    a = list(range(10))
    print(a[2:5], a[::-1], a[8:2:-2], a[-3:], a[:100], a[5:2], a[:])
    b = a[:]
    b[:4] = b[3::-1]
    print(b)
    b[2:4] = [9, 9, 9]
    c = [1, 2, 3]
    c[:] = c
    c[1:2] = c
    print(b, c)
    a[::2] = [0] * 5
    print(a)
    try:
        a[::2] = [1]
    except ValueError as e:
        print(e)


class Shrink:
    def __init__(self, lst):
        self.lst = lst

    def __index__(self):
        self.lst.clear()
        return 2


for _ in range(3):
    a = list(range(10))
    print(a[Shrink(a):], a)


# Constructors whose __init__ runs in the caller's loop.
class P:
    def __init__(self, x, y=2):
        self.x = x
        self.y = y


class Bad:
    def __init__(self):
        return 5


class Raises:
    def __init__(self, v):
        if v > 3:
            raise ValueError(v)
        self.v = v


print(sum(p.x * p.y for p in [P(i) for i in range(10)]), P(1, y=5).y)
for i in range(6):
    try:
        Bad()
    except TypeError as e:
        print(e)
    try:
        print(Raises(i).v)
    except ValueError as e:
        print("ValueError", e)
    try:
        P()
    except TypeError as e:
        print(e)


# A polymorphic site: four classes with the same attributes, rotating.
class Base:
    def __init__(self, n):
        self.n = n
        self.hits = 0

    def bump(self):
        self.hits += self.n
        return self.hits


class A(Base):
    pass


class B(Base):
    pass


class C(Base):
    pass


class D(Base):
    pass


objs = [A(1), B(2), C(3), D(4)]
total = 0
for i in range(2000):
    o = objs[i % 4] if i < 1000 else objs[(i // 100) % 4]
    total += o.bump() + o.n
print(total, [o.hits for o in objs])

# Compare-and-branch with results that are not bools.
class Weird:
    def __lt__(self, o):
        return [] if o == 0 else [1]


count = 0
for i in range(10):
    if Weird() < i % 2:
        count += 1
    while Weird() < 0:
        break
print(count, 1 < 2 < 3, 3 > 2 > 2, [x for x in range(10) if 2 <= x < 5])
