# After specialization, rebinding a class attribute, a method, a module
# global and a builtin behaves exactly as in CPython (the caches that
# depend on them miss and re-specialize).
import math


class Base:
    kind = "base"

    def greet(self):
        return "hello from " + self.kind


class Child(Base):
    pass


def kind_of(o):
    return o.kind


def greet(o):
    return o.greet()


def class_kind():
    return Child.kind


c = Child()
for _ in range(100):
    kind_of(c), greet(c), class_kind()
print(kind_of(c), greet(c), class_kind())

# A class attribute of a base, rebound.
Base.kind = "rebased"
print(kind_of(c), greet(c), class_kind())

# A method replaced on the base class.
Base.greet = lambda self: "replaced greet of " + self.kind
print(greet(c))

# A method added on the subclass (shadows the base's).
Child.greet = lambda self: "child greet"
print(greet(c))
del Child.greet
print(greet(c))

# An instance attribute that shadows the method.
c.greet = lambda: "instance greet"
print(greet(c))
del c.greet
print(greet(c))

# A class attribute deleted: the instance no longer finds it.
del Base.kind
try:
    kind_of(c)
except AttributeError as e:
    print("AttributeError:", e)
Base.kind = "back"
print(kind_of(c))

# A module global rebound, deleted and restored.
scale = 2


def scaled(x):
    return x * scale


for i in range(100):
    scaled(i)
print(scaled(10))
scale = 3
print(scaled(10))
del scale
try:
    scaled(10)
except NameError as e:
    print("NameError:", e)
scale = 4
print(scaled(10))


# A builtin shadowed by a global, then the global deleted.
def size(x):
    return len(x)


for _ in range(100):
    size([1, 2, 3])
print(size([1, 2, 3]))
len = lambda x: 0
print(size([1, 2, 3]))
del len
print(size([1, 2, 3]))

# The builtin itself rebound.
import builtins

saved = builtins.abs


def absolute(x):
    return abs(x)


for i in range(100):
    absolute(-i)
print(absolute(-5))
builtins.abs = lambda x: "patched"
print(absolute(-5))
builtins.abs = saved
print(absolute(-5))

# A module attribute rebound.
def floor(x):
    return math.floor(x)


for _ in range(100):
    floor(2.5)
print(floor(2.5))
real_floor = math.floor
math.floor = lambda x: "fake floor"
print(floor(2.5))
math.floor = real_floor
print(floor(2.5))


# A function redefined and its defaults changed (call sites re-check).
def f(a, b=1):
    return a + b


def call_f():
    return f(1)


for _ in range(100):
    call_f()
print(call_f())
f.__defaults__ = (10,)
print(call_f())


def f(a, b=100):
    return a * b


print(call_f())


# A property replaced by a plain attribute, and __init__ replaced.
class Temp:
    def __init__(self, c):
        self.c = c

    @property
    def f(self):
        return self.c * 9 / 5 + 32


def fahrenheit(t):
    return t.f


def make(c):
    return Temp(c)


for i in range(100):
    fahrenheit(make(i))
print(fahrenheit(make(100)))
Temp.f = "no longer a property"
print(fahrenheit(make(100)))


def new_init(self, c):
    self.c = -c


Temp.__init__ = new_init
print(make(5).c)


# __slots__ classes.
class S:
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v


def get_v(s):
    return s.v


def set_v(s, v):
    s.v = v


s = S(1)
for i in range(100):
    set_v(s, i)
    get_v(s)
print(get_v(s))
del s.v
try:
    get_v(s)
except AttributeError as e:
    print("AttributeError:", e)


# Truth of instances when the class gains __bool__ / __len__.
class Thing:
    pass


def truth(o):
    return "yes" if o else "no"


t = Thing()
for _ in range(100):
    truth(t)
print(truth(t))
Thing.__len__ = lambda self: 0
print(truth(t))
Thing.__bool__ = lambda self: True
print(truth(t))
