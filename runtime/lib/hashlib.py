"""hashlib for pyfast: hash objects over `_hashlib`'s digest states."""

import _hashlib

_SIZES = {
    "md5": (16, 64), "sha1": (20, 64), "sha224": (28, 64),
    "sha256": (32, 64), "sha384": (48, 128), "sha512": (64, 128),
}

algorithms_guaranteed = frozenset(_SIZES)
algorithms_available = algorithms_guaranteed


class _Hash:
    __slots__ = ("name", "_state")

    def __init__(self, name, data=b"", _state=None):
        self.name = name
        self._state = _hashlib.new(name, data) if _state is None else _state

    @property
    def digest_size(self):
        return _SIZES[self.name][0]

    @property
    def block_size(self):
        return _SIZES[self.name][1]

    def update(self, data):
        _hashlib.update(self._state, data)

    def digest(self):
        return _hashlib.digest(self._state)

    def hexdigest(self):
        return _hashlib.digest(self._state).hex()

    def copy(self):
        return _Hash(self.name, _state=_hashlib.copy(self._state))

    def __repr__(self):
        return f"<{self.name} _hashlib.HASH object @ {hex(id(self))}>"


def new(name, data=b"", **kwargs):
    return _Hash(name.lower(), data)


def _constructor(name):
    def construct(data=b"", **kwargs):
        return _Hash(name, data)
    construct.__name__ = construct.__qualname__ = "openssl_" + name
    return construct


# md5(), sha1(), sha224(), sha256(), sha384(), sha512()
for _name in _SIZES:
    globals()[_name] = _constructor(_name)
del _name
