# Operator overloading: arithmetic with reflected and in-place forms,
# NotImplemented fallbacks, rich comparisons with reflection, unary ops,
# __bool__/__len__ truthiness, __hash__/__eq__ in sets and dicts.
import math


class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(self.x + other.x, self.y + other.y)
        if isinstance(other, (int, float)):
            return Vec(self.x + other, self.y + other)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if not isinstance(other, Vec):
            return NotImplemented
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        if isinstance(k, Vec):
            return self.x * k.x + self.y * k.y
        return Vec(self.x * k, self.y * k)

    def __rmul__(self, k):
        return Vec(k * self.x, k * self.y)

    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)

    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)

    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)

    def __pow__(self, n):
        return Vec(self.x ** n, self.y ** n)

    def __matmul__(self, other):
        return self.x * other.y - self.y * other.x

    def __iadd__(self, other):
        self.x += other.x
        self.y += other.y
        return self

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __pos__(self):
        return self

    def __abs__(self):
        return math.hypot(self.x, self.y)

    def __invert__(self):
        return Vec(self.y, self.x)

    def __eq__(self, other):
        return isinstance(other, Vec) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __lt__(self, other):
        return abs(self) < abs(other)

    def __bool__(self):
        return bool(self.x or self.y)

    def __and__(self, other):
        return Vec(self.x & other.x, self.y & other.y)

    def __lshift__(self, n):
        return Vec(self.x << n, self.y << n)


a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a + 1, 1 + a, b - a, a * 3, 3 * a, a * b, b / 2, b // 2, b % 2, a ** 2, a @ b)
print(-a, +a is a, abs(b), ~a, a & b, a << 2, bool(Vec(0, 0)), bool(a), a == Vec(1, 2), a != b)
alias = a
a += b
print(a, alias is a, alias)
print(sorted([Vec(3, 4), Vec(1, 0), Vec(0, 2)]), max([Vec(3, 4), Vec(5, 0)]), Vec(1, 1) > Vec(0, 1))
print({Vec(1, 1), Vec(1, 1), Vec(2, 2)} == {Vec(2, 2), Vec(1, 1)}, {Vec(0, 1): "up"}[Vec(0, 1)])
for expr in [lambda: a - 1, lambda: "s" + a, lambda: a < 5, lambda: a @ 2]:
    try:
        print(expr())
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __eq__(self, other):
        if isinstance(other, Money):
            return self.cents == other.cents
        if isinstance(other, int):
            return self.cents == other * 100
        return NotImplemented

    def __lt__(self, other):
        return self.cents < (other.cents if isinstance(other, Money) else other * 100)

    def __gt__(self, other):
        return self.cents > (other.cents if isinstance(other, Money) else other * 100)

    __hash__ = None


print(Money(500) == 5, 5 == Money(500), Money(1) != Money(2), Money(150) > 1, 1 < Money(150), 2 > Money(150))
try:
    {Money(1)}
except TypeError as e:
    print("TypeError:", e)


class Seq:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


print(bool(Seq(0)), bool(Seq(3)), not Seq(0), len(Seq(7)), "yes" if Seq(1) else "no")
