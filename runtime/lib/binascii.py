"""Conversions between binary data and ASCII encodings (base64, hex,
CRC-32)."""


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


_B64 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B64_INDEX = {c: i for i, c in enumerate(_B64)}


def _bytes(data, name="argument"):
    if isinstance(data, str):
        try:
            return data.encode("ascii")
        except UnicodeEncodeError:
            raise ValueError("string argument should contain only ASCII characters") from None
    if isinstance(data, (bytes, bytearray)):
        return bytes(data)
    raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)


def b2a_base64(data, *, newline=True):
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    data = _bytes(data)
    out = bytearray()
    n = len(data)
    for i in range(0, n - n % 3, 3):
        v = data[i] << 16 | data[i + 1] << 8 | data[i + 2]
        out += bytes((_B64[v >> 18], _B64[v >> 12 & 63], _B64[v >> 6 & 63], _B64[v & 63]))
    rest = n % 3
    if rest == 1:
        v = data[-1] << 16
        out += bytes((_B64[v >> 18], _B64[v >> 12 & 63])) + b"=="
    elif rest == 2:
        v = data[-2] << 16 | data[-1] << 8
        out += bytes((_B64[v >> 18], _B64[v >> 12 & 63], _B64[v >> 6 & 63])) + b"="
    if newline:
        out += b"\n"
    return bytes(out)


def a2b_base64(data, *, strict_mode=False):
    data = _bytes(data)
    out = bytearray()
    acc = 0
    bits = 0
    pads = 0
    quad = 0
    padding_started = False
    ndata = 0
    for pos, c in enumerate(data):
        if c == 61:  # '='
            padding_started = True
            if strict_mode and quad < 2:
                raise Error("Excess padding not allowed" if quad == 0 and pos == 0 else "Discontinuous padding not allowed")
            pads += 1
            if quad >= 2 and quad + pads >= 4:
                # A complete quad: decoding ends here.
                if strict_mode and pos + 1 < len(data):
                    raise Error("Excess data after padding")
                return bytes(out)
            continue
        i = _B64_INDEX.get(c)
        if i is None:
            if strict_mode:
                raise Error("Only base64 data is allowed")
            continue
        if strict_mode and padding_started:
            raise Error("Discontinuous padding not allowed")
        ndata += 1
        pads = 0
        acc = (acc << 6 | i) & 0xFFFFFF
        bits += 6
        quad = (quad + 1) % 4
        if bits >= 8:
            bits -= 8
            out.append(acc >> bits & 0xFF)
    if quad == 1:
        raise Error("Invalid base64-encoded string: number of data characters (%d) cannot be 1 more than a "
                    "multiple of 4" % ndata)
    if quad != 0:
        raise Error("Incorrect padding")
    return bytes(out)


def hexlify(data, sep=None, bytes_per_sep=1):
    data = _bytes(data) if not isinstance(data, str) else None
    if data is None:
        raise TypeError("a bytes-like object is required, not 'str'")
    h = data.hex()
    if sep is None:
        return h.encode()
    if isinstance(sep, bytes):
        sep = sep.decode("ascii")
    n = abs(bytes_per_sep) * 2
    if bytes_per_sep > 0:
        # Groups counted from the right.
        first = len(h) % n or n
        groups = [h[:first]] + [h[i:i + n] for i in range(first, len(h), n)]
    else:
        groups = [h[i:i + n] for i in range(0, len(h), n)]
    return sep.join(g for g in groups if g).encode()


b2a_hex = hexlify


def unhexlify(hexstr):
    s = _bytes(hexstr)
    if len(s) % 2:
        raise Error("Odd-length string")
    try:
        return bytes.fromhex(s.decode("ascii"))
    except ValueError:
        raise Error("Non-hexadecimal digit found") from None


a2b_hex = unhexlify

_CRC_TABLE = []
for _n in range(256):
    _c = _n
    for _k in range(8):
        _c = (0xEDB88320 ^ (_c >> 1)) if _c & 1 else _c >> 1
    _CRC_TABLE.append(_c)
del _n, _c, _k


def crc32(data, value=0):
    crc = ~value & 0xFFFFFFFF
    table = _CRC_TABLE
    for b in _bytes(data):
        crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return ~crc & 0xFFFFFFFF


def crc_hqx(data, value):
    crc = value & 0xFFFF
    for b in _bytes(data):
        crc ^= b << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
    return crc
