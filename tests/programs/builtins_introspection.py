# Introspection builtins: type, isinstance/issubclass with tuples,
# callable, id, hash, vars, dir (filtered), getattr/setattr/hasattr/delattr,
# globals/locals, repr of builtins and classes.


class Base:
    class_attr = "shared"

    def method(self):
        return self


class Child(Base):
    def __init__(self):
        self.inst = 1


c = Child()
print(type(c), type(c).__name__, type(Child), type(type), type(None).__name__, type(len).__name__)
print(isinstance(c, Base), isinstance(c, (int, Base)), isinstance(1, (str, (bytes, int))), isinstance(True, int))
print(issubclass(Child, Base), issubclass(Child, (int, str)), issubclass(bool, (float, int)), issubclass(Base, object))
print(callable(c), callable(Child), callable(c.method), callable(len), callable(None), callable(lambda: 0))
print(id(c) == id(c), id(c) != id(Child()), hash(1) == hash(1.0) == hash(True), hash("a") == hash("a"), hash((1, 2)) == hash((1, 2)))
print(vars(c), sorted(k for k in vars(Child) if not k.startswith("__")), "class_attr" in vars(Base))
print([n for n in dir(c) if not n.startswith("__")], "__init__" in dir(Child), "method" in dir(Base))
setattr(c, "dynamic", 42)
print(getattr(c, "dynamic"), getattr(c, "nope", "default"), hasattr(c, "class_attr"), hasattr(c, "zzz"))
delattr(c, "dynamic")
print(hasattr(c, "dynamic"), c.__dict__)
try:
    delattr(c, "dynamic")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(c, 1)
except TypeError as e:
    print("TypeError:", e)


def local_view(a, b=2):
    c = a + b
    return sorted(locals().items())


print(local_view(1), "local_view" in globals(), globals()["Base"] is Base, __name__)
print(repr(len), repr(Base)[:21], repr(c.method)[:28], repr(int), repr(None), repr(...), repr(NotImplemented))
print(c.__class__ is Child, Child.__mro__, Child.__bases__, Child.__name__)
print(type(1) is int, type(1.0).__name__, type("").__name__, type([]).__name__, type({}).__name__, type(()).__name__)
print(type(set()).__name__, type(range(1)).__name__, type(iter([])).__name__, type(x for x in []).__name__)
Dynamic = type("Dynamic", (Base,), {"z": 26, "get_z": lambda self: self.z})
d = Dynamic()
print(Dynamic.__name__, Dynamic.__bases__, d.get_z(), d.class_attr, isinstance(d, Base), type(d).__mro__[1].__name__)
