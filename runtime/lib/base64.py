"""Base16, Base32 and Base64 encodings (RFC 4648)."""

import binascii

__all__ = ["encode", "decode", "encodebytes", "decodebytes", "b64encode", "b64decode", "b32encode", "b32decode",
           "b32hexencode", "b32hexdecode", "b16encode", "b16decode", "standard_b64encode", "standard_b64decode",
           "urlsafe_b64encode", "urlsafe_b64decode"]


def _bytes_from_decode_data(s):
    if isinstance(s, str):
        try:
            return s.encode("ascii")
        except UnicodeEncodeError:
            raise ValueError("string argument should contain only ASCII characters")
    if isinstance(s, (bytes, bytearray)):
        return bytes(s)
    raise TypeError("argument should be a bytes-like object or ASCII string, not %r" % s.__class__.__name__)


def _translate(data, frm, to):
    return data.translate(bytes.maketrans(frm, to))


def b64encode(s, altchars=None):
    encoded = binascii.b2a_base64(s, newline=False)
    if altchars is not None:
        assert len(altchars) == 2, repr(altchars)
        return _translate(encoded, b"+/", altchars)
    return encoded


def b64decode(s, altchars=None, validate=False):
    s = _bytes_from_decode_data(s)
    if altchars is not None:
        altchars = _bytes_from_decode_data(altchars)
        assert len(altchars) == 2, repr(altchars)
        s = _translate(s, altchars, b"+/")
    return binascii.a2b_base64(s, strict_mode=validate)


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)


def urlsafe_b64encode(s):
    return _translate(b64encode(s), b"+/", b"-_")


def urlsafe_b64decode(s):
    s = _bytes_from_decode_data(s)
    return b64decode(_translate(s, b"-_", b"+/"))


_B32 = {False: b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", True: b"0123456789ABCDEFGHIJKLMNOPQRSTUV"}


def _b32encode(alphabet, s):
    if isinstance(s, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    s = bytes(s)
    leftover = len(s) % 5
    if leftover:
        s = s + b"\0" * (5 - leftover)
    out = bytearray()
    for i in range(0, len(s), 5):
        c = int.from_bytes(s[i:i + 5], "big")
        out += bytes(alphabet[c >> (35 - 5 * k) & 31] for k in range(8))
    if leftover == 1:
        out[-6:] = b"======"
    elif leftover == 2:
        out[-4:] = b"===="
    elif leftover == 3:
        out[-3:] = b"==="
    elif leftover == 4:
        out[-1:] = b"="
    return bytes(out)


def _b32decode(alphabet, s, casefold=False, map01=None):
    s = _bytes_from_decode_data(s)
    if len(s) % 8:
        raise binascii.Error("Incorrect padding")
    if map01 is not None:
        map01 = _bytes_from_decode_data(map01)
        s = _translate(s, b"01", b"O" + map01)
    if casefold:
        s = s.upper()
    stripped = s.rstrip(b"=")
    padchars = len(s) - len(stripped)
    index = {c: i for i, c in enumerate(alphabet)}
    out = bytearray()
    for i in range(0, len(stripped), 8):
        quanta = stripped[i:i + 8]
        acc = 0
        for c in quanta:
            if c not in index:
                raise binascii.Error("Non-base32 digit found")
            acc = acc << 5 | index[c]
        acc <<= 5 * (8 - len(quanta))
        out += acc.to_bytes(5, "big")
    if padchars:
        if padchars not in (1, 3, 4, 6):
            raise binascii.Error("Incorrect padding")
        keep = {1: 4, 3: 3, 4: 2, 6: 1}[padchars]
        del out[len(out) - 5 + keep:]
    return bytes(out)


def b32encode(s):
    return _b32encode(_B32[False], s)


def b32decode(s, casefold=False, map01=None):
    return _b32decode(_B32[False], s, casefold, map01)


def b32hexencode(s):
    return _b32encode(_B32[True], s)


def b32hexdecode(s, casefold=False):
    return _b32decode(_B32[True], s, casefold)


def b16encode(s):
    if isinstance(s, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    return binascii.hexlify(s).upper()


def b16decode(s, casefold=False):
    s = _bytes_from_decode_data(s)
    if casefold:
        s = s.upper()
    if any(c not in b"0123456789ABCDEF" for c in s):
        raise binascii.Error("Non-base16 digit found")
    return binascii.unhexlify(s)


MAXLINESIZE = 76
MAXBINSIZE = (MAXLINESIZE // 4) * 3


def encodebytes(s):
    pieces = []
    for i in range(0, len(s), MAXBINSIZE):
        pieces.append(binascii.b2a_base64(s[i:i + MAXBINSIZE]))
    return b"".join(pieces)


def decodebytes(s):
    return binascii.a2b_base64(s)


def encode(input, output):
    while True:
        s = input.read(MAXBINSIZE)
        if not s:
            break
        output.write(binascii.b2a_base64(s))


def decode(input, output):
    while True:
        line = input.readline()
        if not line:
            break
        output.write(binascii.a2b_base64(line))
