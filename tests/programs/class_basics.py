class Animal:
    kind = "animal"

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} makes a sound"

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"


class Dog(Animal):
    kind = "dog"

    def speak(self):
        return super().speak() + " (woof)"


class Counter:
    count = 0

    def __init__(self):
        Counter.count += 1

    @classmethod
    def made(cls):
        return cls.count

    @staticmethod
    def twice(x):
        return 2 * x

    @property
    def double(self):
        return self.count * 2


d = Dog("rex")
print(d, d.speak(), d.kind, Animal.kind, isinstance(d, Animal), issubclass(Dog, Animal))
print([c.__name__ for c in Dog.__mro__])
Counter(); Counter()
c = Counter()
print(Counter.made(), Counter.twice(21), c.double)
print(hasattr(d, "name"), getattr(d, "missing", "default"))
setattr(d, "age", 3)
print(d.age, sorted(vars(d)))


class A:
    def who(self):
        return "A"


class B(A):
    def who(self):
        return "B" + super().who()


class C(A):
    def who(self):
        return "C" + super().who()


class D(B, C):
    def who(self):
        return "D" + super().who()


print(D().who(), [k.__name__ for k in D.__mro__])
