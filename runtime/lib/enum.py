"""enum for pyfast: Enum, IntEnum, Flag basics, auto, unique."""


class auto:
    _counter = 0

    def __init__(self):
        auto._counter += 1
        self._order = auto._counter
        self.value = None


def _is_member_name(name, value):
    return not (name.startswith('_') or callable(value) or isinstance(value, (classmethod, staticmethod, property)))


class EnumMeta(type):
    def __new__(mcls, name, bases, ns):
        member_items = [(k, v) for k, v in ns.items() if _is_member_name(k, v) or isinstance(v, auto)]
        for k, _ in member_items:
            del ns[k]
        cls = type.__new__(mcls, name, bases, ns)
        cls._member_map_ = {}
        cls._value2member_map_ = {}
        cls._member_names_ = []
        base_value_type = None
        for b in cls.__mro__[1:]:
            if b is not object and not isinstance(b, EnumMeta) and b is not Enum:
                base_value_type = b
                break
        last = 0
        for key, value in member_items:
            if isinstance(value, auto):
                value = cls._generate_next_value_(key, 1, len(cls._member_names_), last)
            if value in cls._value2member_map_:
                alias = cls._value2member_map_[value]
                cls._member_map_[key] = alias
                type.__setattr__(cls, key, alias)
                continue
            if base_value_type is not None:
                member = base_value_type.__new__(cls, value)
            else:
                member = object.__new__(cls)
            object.__setattr__(member, '_name_', key)
            object.__setattr__(member, '_value_', value)
            cls._member_map_[key] = member
            cls._value2member_map_[value] = member
            cls._member_names_.append(key)
            type.__setattr__(cls, key, member)
            if isinstance(value, int):
                last = value
        return cls

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __len__(cls):
        return len(cls._member_names_)

    def __contains__(cls, member):
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __call__(cls, value, *args, **kwargs):
        if args or kwargs:
            raise TypeError("creating enums with the functional API is not supported by pyfast yet")
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            missing = getattr(cls, '_missing_', None)
            if missing is not None and isinstance(value, int):
                return missing(value)
            raise ValueError(f"{value!r} is not a valid {cls.__qualname__}") from None

    def __repr__(cls):
        return f"<enum {cls.__name__!r}>"

    @property
    def __members__(cls):
        return dict(cls._member_map_)


class Enum(metaclass=EnumMeta):
    @staticmethod
    def _generate_next_value_(name, start, count, last_value):
        return last_value + 1 if count else start

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return f"<{type(self).__name__}.{self._name_}: {self._value_!r}>"

    def __str__(self):
        return f"{type(self).__name__}.{self._name_}"

    def __hash__(self):
        return hash(self._name_)

    def __eq__(self, other):
        return self is other

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)


class IntEnum(int, Enum):
    __repr__ = Enum.__repr__

    def __str__(self):
        return str(self._value_)

    def __eq__(self, other):
        return int(self) == other

    def __hash__(self):
        return hash(int(self))

    def __format__(self, spec):
        return format(int(self), spec)


class StrEnum(str, Enum):
    __repr__ = Enum.__repr__

    def __str__(self):
        return self._value_

    def __eq__(self, other):
        return str.__eq__(self, other) if isinstance(other, str) else False

    def __hash__(self):
        return hash(self._value_)


class Flag(Enum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_value):
        return 1 if not count else last_value * 2

    @classmethod
    def _missing_(cls, value):
        """A pseudo-member for a combination of flags (cached, so that
        identity comparison keeps working)."""
        names = [m._name_ for m in cls if m._value_ and m._value_ & value == m._value_]
        member = int.__new__(cls, value) if issubclass(cls, int) else object.__new__(cls)
        object.__setattr__(member, '_name_', '|'.join(names) if names else None)
        object.__setattr__(member, '_value_', value)
        cls._value2member_map_[value] = member
        return member

    def __contains__(self, other):
        if not isinstance(other, type(self)):
            raise TypeError(f"unsupported operand type(s) for 'in': "
                            f"'{type(other).__qualname__}' and '{type(self).__qualname__}'")
        return other._value_ & self._value_ == other._value_

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return type(self)(self._value_ | other._value_)

    def __and__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return type(self)(self._value_ & other._value_)

    def __xor__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return type(self)(self._value_ ^ other._value_)

    def __repr__(self):
        if self._name_ is None:
            return f"<{type(self).__name__}: {self._value_!r}>"
        return f"<{type(self).__name__}.{self._name_}: {self._value_!r}>"

    def __str__(self):
        if self._name_ is None:
            return f"{type(self).__name__}({self._value_!r})"
        return f"{type(self).__name__}.{self._name_}"


class IntFlag(int, Flag):
    # int's operators come first in the MRO; flags combine to flags.
    def __or__(self, other):
        if isinstance(other, int) and not isinstance(other, type(self)):
            other = type(self)(other)
        return Flag.__or__(self, other)

    def __and__(self, other):
        if isinstance(other, int) and not isinstance(other, type(self)):
            other = type(self)(other)
        return Flag.__and__(self, other)

    def __xor__(self, other):
        if isinstance(other, int) and not isinstance(other, type(self)):
            other = type(self)(other)
        return Flag.__xor__(self, other)

    __ror__, __rand__, __rxor__ = __or__, __and__, __xor__

    def __contains__(self, other):
        return Flag.__contains__(self, other)

    __repr__ = Flag.__repr__

    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)


def unique(enumeration):
    duplicates = [name for name, member in enumeration.__members__.items() if member._name_ != name]
    if duplicates:
        raise ValueError(f"duplicate values found in {enumeration!r}: {', '.join(duplicates)}")
    return enumeration
