"""abc for pyfast: abstract base classes (ABCMeta, ABC, abstractmethod,
register, __subclasshook__), written in Python. Instantiating a class with
abstract methods left raises CPython's TypeError from ABCMeta.__call__."""


def abstractmethod(funcobj):
    """Mark a method abstract: a class that keeps it cannot be instantiated."""
    funcobj.__isabstractmethod__ = True
    return funcobj


def abstractclassmethod(callable):
    """Deprecated spelling of @classmethod @abstractmethod."""
    return classmethod(abstractmethod(callable))


def abstractstaticmethod(callable):
    """Deprecated spelling of @staticmethod @abstractmethod."""
    return staticmethod(abstractmethod(callable))


def abstractproperty(fget=None, fset=None, fdel=None, doc=None):
    """Deprecated spelling of @property @abstractmethod."""
    return property(abstractmethod(fget) if fget is not None else None, fset, fdel, doc)


def _is_abstract(value):
    if getattr(value, "__isabstractmethod__", False):
        return True
    for part in ("__func__", "fget", "fset", "fdel"):
        f = getattr(value, part, None)
        if f is not None and getattr(f, "__isabstractmethod__", False):
            return True
    return False


def _compute_abstracts(cls):
    abstracts = {name for name, value in cls.__dict__.items() if _is_abstract(value)}
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            if _is_abstract(getattr(cls, name, None)):
                abstracts.add(name)
    return frozenset(abstracts)


def update_abstractmethods(cls):
    """Recompute cls.__abstractmethods__ after methods were added or removed."""
    if hasattr(cls, "__abstractmethods__"):
        cls.__abstractmethods__ = _compute_abstracts(cls)
    return cls


class ABCMeta(type):
    """Metaclass for abstract base classes."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _compute_abstracts(cls)
        cls._abc_registry = []
        cls._abc_cache = set()
        cls._abc_negative_cache = set()
        return cls

    def __call__(cls, *args, **kwargs):
        abstracts = cls.__abstractmethods__
        if abstracts:
            names = sorted(abstracts)
            raise TypeError("Can't instantiate abstract class %s with abstract method%s %s"
                            % (cls.__name__, "s" if len(names) > 1 else "", ", ".join(names)))
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        """Register a virtual subclass of this ABC; returns it (a decorator)."""
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_registry.append(subclass)
        ABCMeta._abc_invalidation += 1
        return subclass

    _abc_invalidation = 0

    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        if cls in subclass.__mro__:
            return True
        token = ABCMeta._abc_invalidation
        if cls.__dict__.get("_abc_token") != token:
            cls._abc_token = token
            cls._abc_cache = set()
            cls._abc_negative_cache = set()
        if subclass in cls._abc_cache:
            return True
        if subclass in cls._abc_negative_cache:
            return False
        ok = cls.__subclasshook__(subclass)
        if ok is NotImplemented:
            ok = any(issubclass(subclass, r) for r in cls._abc_registry) or \
                any(issubclass(subclass, s) for s in cls.__subclasses__())
        (cls._abc_cache if ok else cls._abc_negative_cache).add(subclass)
        return bool(ok)

    def __subclasshook__(cls, subclass):
        return NotImplemented


class ABC(metaclass=ABCMeta):
    """Helper class: subclass it to get an abstract base class."""
    __slots__ = ()


def get_cache_token():
    return ABCMeta._abc_invalidation
