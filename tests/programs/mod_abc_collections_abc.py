import abc
from abc import ABC, abstractmethod
import collections.abc as cabc

class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def name(self): ...
    def describe(self):
        return f"{self.name()} {self.area()}"

class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
    def name(self): return "square"

try:
    Shape()
except TypeError as e:
    print(e)
class Half(Shape):
    def area(self): return 1
try:
    Half()
except TypeError as e:
    print(e)
print(Sq(3).describe(), isinstance(Sq(2), Shape), issubclass(Sq, Shape), sorted(Shape.__abstractmethods__), Sq.__abstractmethods__)
class Duck: pass
Shape.register(Duck)
print(isinstance(Duck(), Shape), issubclass(Duck, Shape), issubclass(int, Shape))
print(isinstance([], cabc.Iterable), isinstance({}, cabc.Mapping), isinstance(5, cabc.Hashable), isinstance([], cabc.Hashable))
print(isinstance((), cabc.Sequence), isinstance([], cabc.MutableSequence), isinstance("s", cabc.MutableSequence))
print(isinstance(iter([]), cabc.Iterator), isinstance(len, cabc.Callable), isinstance(3, cabc.Sized), isinstance({1}, cabc.Set))
class MyMap(cabc.Mapping):
    def __init__(self, d): self.d = d
    def __getitem__(self, k): return self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
m = MyMap({"a": 1, "b": 2})
print(m.get("a"), m.get("z", 0), "a" in m, list(m.keys()), list(m.items()), list(m.values()), m == {"a": 1, "b": 2})
print(isinstance(m, cabc.Mapping), isinstance(m, dict), isinstance(m, cabc.MutableMapping))
class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
print(isinstance(It(), cabc.Iterator), issubclass(It, cabc.Iterable), isinstance((x for x in []), cabc.Generator))
class Seq(cabc.Sequence):
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
    def __len__(self): return 3
s = Seq()
print(list(s), 20 in s, s.index(20), s.count(10), list(reversed(s)))
try:
    cabc.MutableMapping()
except TypeError as e:
    print(e)
from collections.abc import Iterable, Mapping, MutableSet, Sized
import collections
print(isinstance("s", (int, Iterable)), isinstance(1, (Mapping, Sized)), issubclass(list, (Mapping, Iterable)))
print(collections.abc.Sequence.__name__, isinstance(collections.OrderedDict(), Mapping), isinstance(range(3), collections.abc.Sequence))
try:
    issubclass(3, Iterable)
except TypeError as e:
    print("TypeError:", e)

class Bag(MutableSet):
    def __init__(self, it=()):
        self.items = []
        for x in it:
            self.add(x)
    def __contains__(self, x): return x in self.items
    def __iter__(self): return iter(self.items)
    def __len__(self): return len(self.items)
    def add(self, x):
        if x not in self.items: self.items.append(x)
    def discard(self, x):
        if x in self.items: self.items.remove(x)
b = Bag([1, 2, 3])
print(sorted(b | {4}), sorted(b & {2, 3, 9}), sorted(b - {1}), b <= {1, 2, 3, 4}, b == {1, 2, 3}, b.isdisjoint([7]))
b -= {1}
print(sorted(b), len(b))

class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == "magic"
class Magic(metaclass=Meta): pass
print(isinstance("magic", Magic), isinstance("plain", Magic), isinstance(Magic(), Magic))
