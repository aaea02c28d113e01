"""struct: pack and unpack binary records by format strings (over the
native `_struct`)."""

import _struct
from _struct import calcsize, pack, pack_into, unpack, unpack_from

__all__ = ["calcsize", "pack", "pack_into", "unpack", "unpack_from", "iter_unpack", "Struct", "error"]


class error(Exception):
    pass


error.__module__ = "struct"
_struct._set_error(error)


def iter_unpack(format, buffer):
    size = calcsize(format)
    if size == 0:
        raise error("cannot iteratively unpack with a struct of length 0")
    if len(buffer) % size:
        raise error("iterative unpacking requires a buffer of a multiple of %d bytes" % size)
    return (unpack_from(format, buffer, i) for i in range(0, len(buffer), size))


class Struct:
    """A compiled format: its size and pack/unpack methods."""

    def __init__(self, format):
        if isinstance(format, bytes):
            format = format.decode("ascii")
        if not isinstance(format, str):
            raise TypeError("Struct() argument 1 must be a str or bytes object, not " + type(format).__name__)
        self.size = calcsize(format)
        self.format = format

    def pack(self, *values):
        return pack(self.format, *values)

    def pack_into(self, buffer, offset, *values):
        pack_into(self.format, buffer, offset, *values)

    def unpack(self, buffer):
        return unpack(self.format, buffer)

    def unpack_from(self, buffer, offset=0):
        return unpack_from(self.format, buffer, offset)

    def iter_unpack(self, buffer):
        return iter_unpack(self.format, buffer)

    def __repr__(self):
        return "Struct(%r)" % (self.format,)
