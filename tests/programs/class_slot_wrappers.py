# Built-in types' dunder methods called directly, through super(), and
# through a metaclass's super().__call__.

print([1, 2].__len__(), "abc".__getitem__(1), {1: "x"}.__getitem__(1), (1, 2).__contains__(2))
print(int.__add__(2, 3), (10).__sub__(4), (3).__rsub__(10), (2).__pow__(10), (7).__floordiv__(2))
print((2.5).__mul__(2), float.__truediv__(1.0, 4), (1).__add__("x"), (3).__mul__([1]))
print("ab".__add__("cd"), "ab".__mul__(2), [1].__add__([2]), (1,).__rmul__(3), "%d!".__mod__(5))
print([1, 2] .__eq__([1, 2]), "a".__lt__("b"), (1).__ge__(2), {1}.__le__({1, 2}), (1).__eq__("1"))
print({1, 2}.__or__({3}), {1, 2}.__and__({2}), {1, 2}.__sub__({1}), {1: 1}.__or__({2: 2}))
print((5).__neg__(), (5).__invert__(), (2.5).__pos__(), (0).__bool__(), (3).__index__(), (True).__int__())
print("x".__hash__() == hash("x"), (1, 2).__hash__() == hash((1, 2)), [].__hash__ is None)
it = iter([1, 2])
print(it.__next__(), next(it), it.__iter__() is it)
try:
    it.__next__()
except StopIteration:
    print("StopIteration")

l = [3, 1, 2]
l.__setitem__(0, 9)
l.__delitem__(1)
print(l, l.__iter__().__next__(), list.__len__(l))
d = {}
dict.__setitem__(d, "k", "v")
print(d, dict.__contains__(d, "k"), d.__len__())
d.__delitem__("k")
print(d)
print(hasattr([], "__len__"), hasattr(5, "__add__"), hasattr(object(), "__len__"), callable(list.__iter__))


class Meta(type):
    calls = 0

    def __call__(cls, *args, **kwargs):
        Meta.calls += 1
        obj = super().__call__(*args, **kwargs)
        obj.created_by_meta = True
        return obj


class Widget(metaclass=Meta):
    def __init__(self, name, size=1):
        self.name = name
        self.size = size


w = Widget("knob", size=3)
print(w.name, w.size, w.created_by_meta, Meta.calls, type(Widget).__name__)


class Singleton(type):
    _instances = {}

    def __call__(cls, *args):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args)
        return cls._instances[cls]


class Config(metaclass=Singleton):
    def __init__(self, value):
        self.value = value


a, b = Config(1), Config(2)
print(a is b, a.value, type.__call__(Config, 7).value)


class Base:
    def __eq__(self, other):
        return NotImplemented


print(Base() == Base(), object.__eq__(1, 1), object.__lt__(1, 2), object.__ne__(1, 2))
