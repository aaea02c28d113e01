# Descriptors with __set_name__, slots through inheritance, __new__ that
# returns something else, __prepare__, class decorators, __class_getitem__,
# __index__, numeric conversions, reversed(), qualified names.


class Typed:
    def __init__(self, kind):
        self.kind = kind

    def __set_name__(self, owner, name):
        self.public, self.private = name, "_" + name
        print("set_name", owner.__name__, name)

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, None)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.public} must be {self.kind.__name__}, not {type(value).__name__}")
        setattr(obj, self.private, value)

    def __delete__(self, obj):
        print("deleting", self.public)
        delattr(obj, self.private)


class Person:
    name = Typed(str)
    age = Typed(int)

    def __init__(self, name, age):
        self.name, self.age = name, age


p = Person("Ada", 36)
print(p.name, p.age, type(Person.age).__name__, sorted(vars(p)))
try:
    p.age = "old"
except TypeError as e:
    print("TypeError:", e)
del p.age
print(p.age)


class S1:
    __slots__ = ("a",)


class S2(S1):
    __slots__ = ("b",)


s = S2()
s.a, s.b = 1, 2
print(s.a, s.b, hasattr(s, "__dict__"), S2.__slots__)
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError:", e)


class Maybe:
    def __new__(cls, x):
        if x < 0:
            return "negative"
        return super().__new__(cls)

    def __init__(self, x):
        self.x = x


print(Maybe(-1), Maybe(2).x)


class FieldsMeta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", name, kw)
        return {}

    def __new__(mcs, name, bases, ns, **kw):
        cls = super().__new__(mcs, name, bases, ns)
        cls.fields = [k for k in ns if not k.startswith("__")]
        return cls

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)


class Record(metaclass=FieldsMeta, flag=True):
    zeta = 1
    alpha = 2


print(Record.fields, type(Record).__name__)


def register(cls):
    cls.registered = True
    return cls


@register
class Plugin:
    pass


print(Plugin.registered)


class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"


print(Box[int], Box[str])


def outer():
    def inner():
        pass

    class Local:
        def meth(self):
            pass

    return inner, Local


i, L = outer()
print(i.__qualname__, L.__qualname__, L.meth.__qualname__, L.__name__, L.__module__)


class Num:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


print([0, 1, 2, 3][Num(2)], bin(Num(5)), hex(Num(255)), oct(Num(8)), "abc"[Num(1)], range(10)[Num(3)], [1, 2, 3][: Num(2)])


class Conv:
    def __float__(self):
        return 2.5

    def __int__(self):
        return 7

    def __round__(self, n=None):
        return 99 if n is None else n

    def __abs__(self):
        return "abs"

    def __neg__(self):
        return "neg"


c = Conv()
print(float(c), int(c), round(c), round(c, 3), abs(c), -c)


class Vec:
    def __init__(self, *c):
        self.c = c

    def __repr__(self):
        return f"Vec{self.c}"

    def __len__(self):
        return len(self.c)

    def __iter__(self):
        return iter(self.c)

    def __reversed__(self):
        return iter(self.c[::-1])


v = Vec(3, 1, 2)
print(list(reversed(v)), *v, dict(zip("abc", v)), sorted(v), len(v), bool(Vec()))


class Counter:
    count = 0

    def __init__(self):
        type(self).count += 1


Counter()
Counter()
print(Counter.count, Counter().count)
