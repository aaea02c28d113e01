"""array for pyfast: typed arrays of numbers (and 'u' characters) over a
list, with CPython's typecodes, item sizes, range checks, repr and the
machine-value conversions tobytes/frombytes (little-endian, as on x86-64
and aarch64)."""

import math

typecodes = 'bBuhHiIlLqQfd'

_SIZES = {'b': 1, 'B': 1, 'u': 4, 'h': 2, 'H': 2, 'i': 4, 'I': 4,
          'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'f': 4, 'd': 8}

# Range-error wording per typecode (CPython's), for values that fit a C long.
_NAMES = {'b': 'signed char', 'B': 'unsigned byte integer', 'h': 'signed short integer',
          'H': 'unsigned short', 'i': 'signed integer', 'I': 'unsigned int'}


def _check_int(tc, v):
    if not isinstance(v, int):
        raise TypeError(f"'{type(v).__name__}' object cannot be interpreted as an integer")
    bits = _SIZES[tc] * 8
    signed = tc in 'bhilq'
    lo, hi = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)
    if lo <= v <= hi:
        return v
    if tc in 'qQ':
        if v < 0 and not signed:
            raise OverflowError("can't convert negative int to unsigned")
        raise OverflowError('int too big to convert')
    if tc in 'IL' and v < 0:
        raise OverflowError("can't convert negative value to unsigned int")
    if tc == 'L' or (tc == 'I' and v > (1 << 64) - 1):
        raise OverflowError('Python int too large to convert to C unsigned long')
    if not -(1 << 63) <= v < (1 << 63):
        raise OverflowError('Python int too large to convert to C long')
    if tc == 'l':
        raise OverflowError('Python int too large to convert to C long')
    word = 'greater than maximum' if v > hi else 'less than minimum'
    raise OverflowError(f'{_NAMES[tc]} is {word}')


def _coerce(tc, v):
    if tc == 'u':
        if not isinstance(v, str) or len(v) != 1:
            raise TypeError('array item must be unicode character')
        return v
    if tc in 'fd':
        if isinstance(v, (int, float)):
            return float(v) if tc == 'd' else _bits_float(_float_bits(float(v), 23, 8), 23, 8)
        raise TypeError(f'must be real number, not {type(v).__name__}')
    return _check_int(tc, v)


def _float_bits(x, mant_bits, exp_bits):
    """The IEEE-754 bit pattern of x in a format of that size (round half even)."""
    bias = (1 << (exp_bits - 1)) - 1
    sign = 1 if math.copysign(1.0, x) < 0 else 0
    top = ((1 << exp_bits) - 1) << mant_bits
    if x != x:
        return top | (1 << (mant_bits - 1))
    x = abs(x)
    if x == math.inf:
        return (sign << (mant_bits + exp_bits)) | top
    if x == 0:
        return sign << (mant_bits + exp_bits)
    m, e = math.frexp(x)
    exp = e - 1 + bias
    if exp >= 1:
        frac = round(m * 2.0 * (1 << mant_bits)) - (1 << mant_bits)
        if frac == 1 << mant_bits:
            frac, exp = 0, exp + 1
    else:
        frac = round(math.ldexp(x, bias - 1 + mant_bits))
        exp = 0
        if frac == 1 << mant_bits:
            frac, exp = 0, 1
    if exp >= (1 << exp_bits) - 1:
        return (sign << (mant_bits + exp_bits)) | top  # too large: infinity, as a C cast gives
    return (sign << (mant_bits + exp_bits)) | (exp << mant_bits) | frac


def _bits_float(bits, mant_bits, exp_bits):
    bias = (1 << (exp_bits - 1)) - 1
    sign = -1.0 if bits >> (mant_bits + exp_bits) else 1.0
    exp = (bits >> mant_bits) & ((1 << exp_bits) - 1)
    frac = bits & ((1 << mant_bits) - 1)
    if exp == (1 << exp_bits) - 1:
        return sign * math.inf if frac == 0 else math.nan
    if exp == 0:
        return sign * math.ldexp(frac, 1 - bias - mant_bits)
    return sign * math.ldexp(frac | (1 << mant_bits), exp - bias - mant_bits)


class array:
    def __init__(self, typecode, initializer=None):
        if not isinstance(typecode, str) or len(typecode) != 1 or typecode not in typecodes:
            raise ValueError('bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)')
        self.typecode = typecode
        self.itemsize = _SIZES[typecode]
        self._items = []
        if initializer is None:
            return
        if isinstance(initializer, str) and typecode != 'u':
            raise TypeError(f"cannot use a str to initialize an array with typecode '{typecode}'")
        if isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        else:
            self.extend(initializer)

    # -- sequence protocol
    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def __contains__(self, v):
        return v in self._items

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self._new(self._items[i])
        try:
            return self._items[i]
        except IndexError:
            raise IndexError('array index out of range') from None

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            if not isinstance(v, array) or v.typecode != self.typecode:
                raise TypeError(f'can only assign array (not "{type(v).__name__}") to array slice')
            self._items[i] = v._items
            return
        v = _coerce(self.typecode, v)
        try:
            self._items[i] = v
        except IndexError:
            raise IndexError('array assignment index out of range') from None

    def __delitem__(self, i):
        try:
            del self._items[i]
        except IndexError:
            raise IndexError('array assignment index out of range') from None

    def _new(self, items):
        a = array(self.typecode)
        a._items = list(items)
        return a

    def _same(self, other):
        if not isinstance(other, array):
            return False
        if other.typecode != self.typecode:
            raise TypeError('bad argument type for built-in operation')
        return True

    def __add__(self, other):
        if not isinstance(other, array):
            raise TypeError(f'can only append array (not "{type(other).__name__}") to array')
        self._same(other)
        return self._new(self._items + other._items)

    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError(f'can only extend array with array (not "{type(other).__name__}")')
        self._same(other)
        self._items += other._items
        return self

    def __mul__(self, n):
        return self._new(self._items * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self._items *= n
        return self

    def __eq__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items == other._items

    def __ne__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items != other._items

    def __lt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items < other._items

    def __le__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items <= other._items

    def __gt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items > other._items

    def __ge__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._items >= other._items

    __hash__ = None

    def __repr__(self):
        if not self._items:
            return f"array('{self.typecode}')"
        if self.typecode == 'u':
            return f"array('u', {''.join(self._items)!r})"
        return f"array('{self.typecode}', {self._items!r})"

    def __copy__(self):
        return self._new(self._items)

    def __deepcopy__(self, memo):
        return self._new(self._items)

    # -- methods
    def append(self, v):
        self._items.append(_coerce(self.typecode, v))

    def extend(self, iterable):
        if isinstance(iterable, array):
            self._same(iterable)
            self._items.extend(iterable._items)
            return
        self._items.extend([_coerce(self.typecode, v) for v in iterable])

    def insert(self, i, v):
        self._items.insert(i, _coerce(self.typecode, v))

    def pop(self, i=-1):
        if not self._items:
            raise IndexError('pop from empty array')
        try:
            return self._items.pop(i)
        except IndexError:
            raise IndexError('pop index out of range') from None

    def remove(self, v):
        try:
            self._items.remove(v)
        except ValueError:
            raise ValueError('array.remove(x): x not in array') from None

    def index(self, v, start=0, stop=None):
        n = len(self._items)
        stop = n if stop is None else stop
        for i in range(*slice(start, stop).indices(n)):
            if self._items[i] == v:
                return i
        raise ValueError('array.index(x): x not in array')

    def count(self, v):
        return self._items.count(v)

    def reverse(self):
        self._items.reverse()

    def tolist(self):
        return list(self._items)

    def fromlist(self, items):
        if not isinstance(items, list):
            raise TypeError('arg must be list')
        self.extend(items)

    def tounicode(self):
        if self.typecode != 'u':
            raise ValueError('tounicode() may only be called on unicode type arrays')
        return ''.join(self._items)

    def fromunicode(self, s):
        if self.typecode != 'u':
            raise ValueError('fromunicode() may only be called on unicode type arrays')
        self._items.extend(s)

    def buffer_info(self):
        return (id(self), len(self._items))

    def tobytes(self):
        tc, size = self.typecode, self.itemsize
        out = bytearray()
        for v in self._items:
            if tc == 'd':
                out += _float_bits(v, 52, 11).to_bytes(8, 'little')
            elif tc == 'f':
                out += _float_bits(v, 23, 8).to_bytes(4, 'little')
            elif tc == 'u':
                out += ord(v).to_bytes(4, 'little')
            else:
                out += v.to_bytes(size, 'little', signed=tc in 'bhilq')
        return bytes(out)

    def frombytes(self, data):
        size = self.itemsize
        if len(data) % size:
            raise ValueError('bytes length not a multiple of item size')
        tc = self.typecode
        for k in range(0, len(data), size):
            word = bytes(data[k:k + size])
            if tc == 'd':
                self._items.append(_bits_float(int.from_bytes(word, 'little'), 52, 11))
            elif tc == 'f':
                self._items.append(_bits_float(int.from_bytes(word, 'little'), 23, 8))
            elif tc == 'u':
                self._items.append(chr(int.from_bytes(word, 'little')))
            else:
                self._items.append(int.from_bytes(word, 'little', signed=tc in 'bhilq'))

    def byteswap(self):
        if self.typecode in 'bBu':
            return
        swapped = array(self.typecode)
        data = self.tobytes()
        size = self.itemsize
        swapped.frombytes(b''.join(data[k:k + size][::-1] for k in range(0, len(data), size)))
        self._items = swapped._items


ArrayType = array
