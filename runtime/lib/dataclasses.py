"""dataclasses for pyfast: @dataclass (init, repr, eq, order, frozen),
field(default=..., default_factory=...), fields(), asdict(), replace()."""

MISSING = object()


class FrozenInstanceError(AttributeError):
    pass


class Field:
    def __init__(self, default=MISSING, default_factory=MISSING, init=True, repr=True, compare=True):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.compare = compare

    def __repr__(self):
        return f'Field(name={self.name!r},type={self.type!r},default={self.default!r})'


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, compare=True):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, compare)


def fields(obj):
    return tuple(obj.__dataclass_fields__.values())


def _process(cls, init, repr_, eq, order, frozen, match_args=True):
    annotations = cls.__dict__.get('__annotations__', {})
    flds = {}
    for base in reversed(cls.__mro__[1:]):
        flds.update(getattr(base, '__dataclass_fields__', {}))
    for name, typ in annotations.items():
        default = cls.__dict__.get(name, MISSING)
        f = default if isinstance(default, Field) else Field(default=default)
        f.name, f.type = name, typ
        if isinstance(default, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        flds[name] = f
    cls.__dataclass_fields__ = flds
    field_list = list(flds.values())
    if match_args and '__match_args__' not in cls.__dict__:
        cls.__match_args__ = tuple(f.name for f in field_list if f.init)

    if init:
        seen_default = False
        for f in field_list:
            if f.init and (f.default is not MISSING or f.default_factory is not MISSING):
                seen_default = True
            elif f.init and seen_default:
                raise TypeError(f'non-default argument {f.name!r} follows default argument')

        qualname = f'{cls.__qualname__}.__init__'

        def __init__(self, *args, **kwargs):
            init_fields = [f for f in field_list if f.init]
            if len(args) > len(init_fields):
                raise TypeError(f'{qualname}() takes {len(init_fields) + 1} positional arguments '
                                f'but {len(args) + 1} were given')
            missing = []
            for i, f in enumerate(init_fields):
                if i < len(args):
                    value = args[i]
                elif f.name in kwargs:
                    value = kwargs.pop(f.name)
                elif f.default is not MISSING:
                    value = f.default
                elif f.default_factory is not MISSING:
                    value = f.default_factory()
                else:
                    missing.append(repr(f.name))
                    continue
                object.__setattr__(self, f.name, value)
            if missing:
                names = missing[0] if len(missing) == 1 else (
                    ', '.join(missing[:-1]) + (',' if len(missing) > 2 else '') + ' and ' + missing[-1])
                plural = 's' if len(missing) > 1 else ''
                raise TypeError(f'{qualname}() missing {len(missing)} required positional argument{plural}: {names}')
            if kwargs:
                raise TypeError(f"{qualname}() got an unexpected keyword argument '{next(iter(kwargs))}'")
            for f in field_list:
                if not f.init:
                    if f.default_factory is not MISSING:
                        object.__setattr__(self, f.name, f.default_factory())
                    elif f.default is not MISSING:
                        object.__setattr__(self, f.name, f.default)
            post = getattr(self, '__post_init__', None)
            if post is not None:
                post()
        __init__.__qualname__ = qualname
        cls.__init__ = __init__

    if repr_:
        def __repr__(self):
            parts = ', '.join(f'{f.name}={getattr(self, f.name)!r}' for f in field_list if f.repr)
            return f'{type(self).__qualname__}({parts})'
        cls.__repr__ = __repr__

    def _key(self):
        return tuple(getattr(self, f.name) for f in field_list if f.compare)

    if eq:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return _key(self) == _key(other)
            return NotImplemented
        cls.__eq__ = __eq__
        if not frozen:
            cls.__hash__ = None

    if order:
        def __lt__(self, other):
            return _key(self) < _key(other) if other.__class__ is self.__class__ else NotImplemented

        def __le__(self, other):
            return _key(self) <= _key(other) if other.__class__ is self.__class__ else NotImplemented

        def __gt__(self, other):
            return _key(self) > _key(other) if other.__class__ is self.__class__ else NotImplemented

        def __ge__(self, other):
            return _key(self) >= _key(other) if other.__class__ is self.__class__ else NotImplemented
        cls.__lt__, cls.__le__, cls.__gt__, cls.__ge__ = __lt__, __le__, __gt__, __ge__

    if frozen:
        def __setattr__(self, name, value):
            raise FrozenInstanceError(f"cannot assign to field '{name}'")

        def __delattr__(self, name):
            raise FrozenInstanceError(f"cannot delete field '{name}'")
        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__
        if eq:
            cls.__hash__ = lambda self: hash(_key(self))
    return cls


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True):
    def wrap(c):
        return _process(c, init, repr, eq, order, frozen, match_args)
    if cls is None:
        return wrap
    return wrap(cls)


def _convert(obj, make):
    """asdict/astuple: dataclass instances become `make(pairs)`, containers
    are copied recursively."""
    if hasattr(obj, '__dataclass_fields__'):
        return make([(f.name, _convert(getattr(obj, f.name), make)) for f in fields(obj)])
    if isinstance(obj, list):
        return [_convert(v, make) for v in obj]
    if isinstance(obj, tuple):
        return tuple(_convert(v, make) for v in obj)
    if isinstance(obj, dict):
        return {_convert(k, make): _convert(v, make) for k, v in obj.items()}
    return obj


def asdict(obj):
    return _convert(obj, dict)


def astuple(obj):
    return _convert(obj, lambda pairs: tuple(v for _, v in pairs))


def replace(obj, **changes):
    for f in fields(obj):
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def is_dataclass(obj):
    return hasattr(obj, '__dataclass_fields__')
