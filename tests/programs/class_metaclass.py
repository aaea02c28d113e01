# Metaclasses: a registry metaclass, type(name, bases, dict), __init_subclass__ with keywords.
class Registry(type):
    classes = []

    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        mcls.classes.append(name)
        return cls


class Base(metaclass=Registry):
    def __init__(self, v=0):
        self.v = v


class Child(Base):
    pass


c = Child(5)
print(Registry.classes, type(Child).__name__, c.v, isinstance(c, Base))
Dyn = type("Dyn", (Base,), {"hello": lambda self: "hi " + str(self.v)})
print(Dyn(2).hello(), Dyn.__name__, [k.__name__ for k in Dyn.__mro__])


class Plugin:
    registry = {}

    def __init_subclass__(cls, key=None, **kwargs):
        super().__init_subclass__(**kwargs)
        Plugin.registry[key or cls.__name__] = cls


class A(Plugin, key="a"):
    pass


class B(Plugin):
    pass


print(sorted(Plugin.registry))
