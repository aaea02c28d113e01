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


def md5(data=b"", **kwargs):
    return _Hash("md5", data)


def sha1(data=b"", **kwargs):
    return _Hash("sha1", data)


def sha224(data=b"", **kwargs):
    return _Hash("sha224", data)


def sha256(data=b"", **kwargs):
    return _Hash("sha256", data)


def sha384(data=b"", **kwargs):
    return _Hash("sha384", data)


def sha512(data=b"", **kwargs):
    return _Hash("sha512", data)
