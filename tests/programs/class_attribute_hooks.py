# __getattribute__, __getattr__, __setattr__, __delattr__ working together,
# with object's versions reached explicitly and through super().


class Proxy:
    """Forwards attribute access to a target, logging every lookup."""

    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "log", [])

    def __getattribute__(self, name):
        log = object.__getattribute__(self, "log")
        log.append(name)
        if name.startswith("_") or name == "log":
            return object.__getattribute__(self, name)
        return getattr(object.__getattribute__(self, "_target"), name)

    def __setattr__(self, name, value):
        setattr(self._target, name, value)

    def __delattr__(self, name):
        delattr(self._target, name)


class Target:
    x = 1

    def method(self):
        return "method of " + type(self).__name__


p = Proxy(Target())
print(p.x, p.method(), p.log)
p.y = 5
print(p._target.y, "y" in vars(p._target))
del p.y
print(hasattr(p._target, "y"), p.log[-3:])


class Defaults:
    def __init__(self):
        self.real = "real"

    def __getattr__(self, name):
        if name.startswith("dyn_"):
            return name[4:].upper()
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")


d = Defaults()
print(d.real, d.dyn_value, getattr(d, "dyn_x"), getattr(d, "missing", "fallback"), hasattr(d, "nope"))
try:
    d.nope
except AttributeError as e:
    print("AttributeError:", e)


class Audited:
    def __init__(self):
        self.history = []
        self.value = 0

    def __setattr__(self, name, value):
        if name != "history":
            self.history.append((name, value))
        super().__setattr__(name, value)

    def __delattr__(self, name):
        self.history.append(("del", name))
        super().__delattr__(name)


a = Audited()
a.value = 10
a.other = "x"
del a.other
print(a.value, a.history, hasattr(a, "other"))


class Frozen:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        object.__setattr__(self, "a", a)
        object.__setattr__(self, "b", b)

    def __setattr__(self, name, value):
        raise AttributeError(f"cannot assign to field {name!r}")


f = Frozen(1, 2)
print(f.a, f.b)
try:
    f.a = 3
except AttributeError as e:
    print("AttributeError:", e)


class Lazy:
    def __getattribute__(self, name):
        value = super().__getattribute__(name)
        return value * 2 if isinstance(value, int) else value


lz = Lazy()
lz.n = 21
print(lz.n, lz.__class__.__name__, getattr(lz, "n"))
