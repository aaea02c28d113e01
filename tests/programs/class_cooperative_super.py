# Cooperative multiple inheritance: C3 MRO on diamonds, super() chains
# passing **kwargs along, mixins, explicit two-argument super, and MRO
# conflicts.


class Base:
    def __init__(self, **kwargs):
        self.log = ["Base"]
        if kwargs:
            raise TypeError(f"unexpected {sorted(kwargs)}")

    def describe(self):
        return ["Base"]


class Named(Base):
    def __init__(self, name="?", **kwargs):
        super().__init__(**kwargs)
        self.name = name
        self.log.append("Named")

    def describe(self):
        return ["Named"] + super().describe()


class Sized(Base):
    def __init__(self, size=0, **kwargs):
        super().__init__(**kwargs)
        self.size = size
        self.log.append("Sized")

    def describe(self):
        return ["Sized"] + super().describe()


class Box(Named, Sized):
    def __init__(self, color="plain", **kwargs):
        super().__init__(**kwargs)
        self.color = color
        self.log.append("Box")

    def describe(self):
        return ["Box"] + super().describe()


b = Box(name="crate", size=3, color="red")
print([c.__name__ for c in Box.__mro__], b.log, b.describe(), b.name, b.size, b.color)
try:
    Box(weight=5)
except TypeError as e:
    print("TypeError:", e)


class JsonMixin:
    def to_json(self):
        items = ", ".join(f'"{k}": {v!r}' for k, v in sorted(vars(self).items()) if k != "log")
        return "{" + items + "}"


class ReprMixin:
    def __repr__(self):
        return f"<{type(self).__name__} {getattr(self, 'name', '')}>"


class Product(ReprMixin, JsonMixin, Named):
    pass


p = Product(name="widget")
print(p, p.to_json(), Product.__mro__[1].__name__, isinstance(p, JsonMixin))


class A:
    def who(self):
        return "A"


class B(A):
    def who(self):
        return "B>" + super().who()


class C(A):
    def who(self):
        return "C>" + super().who()


class D(B, C):
    def who(self):
        return "D>" + super().who()


print(D().who(), super(B, D()).who(), super(C, D()).who(), [k.__name__ for k in D.mro()])
print(C.who(D()), A.who(D()), super(D, D()).who())
for bases in [(A, B), (B, A, C)]:
    try:
        type("Bad", bases, {})
    except TypeError as e:
        print("TypeError:", str(e).replace("\n", " "))


class Counted:
    instances = 0

    def __init_subclass__(cls, prefix="", **kwargs):
        super().__init_subclass__(**kwargs)
        cls.prefix = prefix

    def __init__(self):
        type(self).instances += 1
        Counted.instances += 1


class Apple(Counted, prefix="apl"):
    instances = 0


class Pear(Counted, prefix="pr"):
    instances = 0


Apple(), Apple(), Pear()
print(Apple.instances, Pear.instances, Counted.instances, Apple.prefix, Pear.prefix)
