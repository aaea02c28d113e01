# property (getter/setter/deleter, read-only, inherited and overridden),
# classmethod alternative constructors, staticmethod, bound and unbound
# method objects.


class Temperature:
    def __init__(self, celsius=0.0):
        self.celsius = celsius

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError(f"below absolute zero: {value}")
        self._c = float(value)

    @celsius.deleter
    def celsius(self):
        print("resetting")
        self._c = 0.0

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)

    @staticmethod
    def is_freezing(c):
        return c <= 0


t = Temperature(25)
print(t.celsius, t.fahrenheit, Temperature.from_fahrenheit(212).celsius, Temperature.is_freezing(-1), t.is_freezing(5))
t.celsius = 30
del t.celsius
print(t.celsius)
for action in [lambda: setattr(t, "celsius", -300), lambda: setattr(t, "fahrenheit", 1), lambda: delattr(t, "fahrenheit")]:
    try:
        action()
    except (ValueError, AttributeError) as e:
        print(type(e).__name__, e)
print(type(Temperature.celsius).__name__, Temperature.celsius.fget.__name__, Temperature.fahrenheit.fset)


class Kelvin(Temperature):
    @property
    def celsius(self):
        return round(super().celsius, 1)

    @property
    def kelvin(self):
        return self.celsius + 273.15


k = Kelvin.__new__(Kelvin)
k._c = 10.04
print(k.celsius, k.kelvin, isinstance(Kelvin.from_fahrenheit.__self__, type))
try:
    Kelvin(5)
except AttributeError as e:
    print("AttributeError:", e)


class Shape:
    registry = []

    def __init__(self, name):
        self.name = name

    @classmethod
    def create(cls, *args):
        obj = cls(*args)
        cls.registry.append(obj.name)
        return obj

    @staticmethod
    def unit():
        return "cm"

    def area(self):
        return 0


class Square(Shape):
    def __init__(self, side):
        super().__init__(f"square{side}")
        self.side = side

    def area(self):
        return self.side ** 2


sq = Square.create(3)
print(type(sq).__name__, sq.area(), Shape.registry, Square.unit(), sq.unit())
bound = sq.area
unbound = Square.area
print(bound(), unbound(sq), bound.__self__ is sq, bound.__func__ is unbound, type(bound).__name__, type(unbound).__name__)
print(Square.create.__self__ is Square, Shape.create.__func__ is Square.create.__func__, bound == sq.area, bound is sq.area)
methods = [s.area for s in (Square(1), Square(2))]
print([m() for m in methods], list(map(Square.area, [Square(5)])))
