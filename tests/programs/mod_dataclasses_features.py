# dataclasses: defaults and default_factory, generated __init__/__repr__/
# __eq__, order=True, frozen=True, field(repr=False), __post_init__,
# asdict/astuple/replace/fields, inheritance.
import dataclasses
from dataclasses import dataclass, field


@dataclass
class Item:
    name: str
    price: float
    qty: int = 1
    tags: list = field(default_factory=list)
    secret: str = field(default="hidden", repr=False)

    def total(self):
        return self.price * self.qty


a = Item("pen", 1.5, 4)
b = Item("pen", 1.5, 4)
print(a, a == b, a is b, a.total(), a.tags is not b.tags, Item("x", 2.0).qty)
a.tags.append("office")
print(a, b, a == b, dataclasses.asdict(a), dataclasses.astuple(b))
print([f.name for f in dataclasses.fields(Item)], dataclasses.replace(a, qty=10).qty, dataclasses.is_dataclass(a))


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0


vs = [Version(1, 2), Version(1, 0, 5), Version(0, 9), Version(1, 2, 1)]
print(sorted(vs), max(vs), Version(1) < Version(1, 0, 1), Version(2) >= Version(1, 9))


@dataclass(frozen=True)
class Point:
    x: int
    y: int

    def moved(self, dx, dy):
        return dataclasses.replace(self, x=self.x + dx, y=self.y + dy)


p = Point(1, 2)
print(p, p.moved(3, 4), hash(p) == hash(Point(1, 2)), {p: "origin-ish"}[Point(1, 2)])
try:
    p.x = 5
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError:", e)


@dataclass
class Rect:
    w: float
    h: float
    area: float = field(init=False)

    def __post_init__(self):
        if self.w < 0 or self.h < 0:
            raise ValueError("negative size")
        self.area = self.w * self.h


print(Rect(2, 3), Rect(2, 3).area)
try:
    Rect(-1, 2)
except ValueError as e:
    print("ValueError:", e)


@dataclass
class Base:
    id: int
    label: str = "base"


@dataclass
class Derived(Base):
    extra: bool = False


print(Derived(7), Derived(8, "d", True), isinstance(Derived(1), Base), [f.name for f in dataclasses.fields(Derived)])
try:
    Item()
except TypeError as e:
    print("TypeError:", e)
