"""time for pyfast: CPython's API over `_time` (clocks, sleep, and the C
library's localtime/gmtime/mktime/strftime)."""

import _time
from _time import (
    altzone, daylight, monotonic, monotonic_ns, perf_counter, perf_counter_ns, process_time, sleep,
    time, time_ns, timezone, tzname,
)

_FIELDS = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst")


class struct_time(tuple):
    """The time value as returned by gmtime(), localtime() and strptime():
    a 9-tuple whose fields are also attributes (plus tm_zone, tm_gmtoff)."""

    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0

    def __new__(cls, seq, extra=None):
        seq = tuple(seq)
        if len(seq) < 9:
            raise TypeError("time.struct_time() takes an at least 9-sequence (%d-sequence given)" % len(seq))
        if len(seq) > 11:
            raise TypeError("time.struct_time() takes an at most 11-sequence (%d-sequence given)" % len(seq))
        self = tuple.__new__(cls, seq[:9])
        self._zone = seq[9] if len(seq) > 9 else None
        self._gmtoff = seq[10] if len(seq) > 10 else None
        return self

    tm_year = property(lambda self: self[0])
    tm_mon = property(lambda self: self[1])
    tm_mday = property(lambda self: self[2])
    tm_hour = property(lambda self: self[3])
    tm_min = property(lambda self: self[4])
    tm_sec = property(lambda self: self[5])
    tm_wday = property(lambda self: self[6])
    tm_yday = property(lambda self: self[7])
    tm_isdst = property(lambda self: self[8])
    tm_zone = property(lambda self: self._zone)
    tm_gmtoff = property(lambda self: self._gmtoff)

    def __repr__(self):
        return "time.struct_time(%s)" % ", ".join("%s=%r" % (n, v) for n, v in zip(_FIELDS, self))

    def __reduce__(self):
        return (struct_time, (tuple(self) + (self._zone, self._gmtoff),))


def _full(t):
    """The 11-tuple `_time` takes: a struct_time's zone fields included."""
    if isinstance(t, struct_time):
        return tuple(t) + (t._zone, t._gmtoff) if t._zone is not None else tuple(t)
    t = tuple(t)
    if len(t) != 9:
        raise TypeError("time tuple must have exactly 9 elements" if len(t) < 9
                        else "function takes exactly 9 arguments (%d given)" % len(t))
    return t


def localtime(secs=None):
    return struct_time(_time.localtime(secs))


def gmtime(secs=None):
    return struct_time(_time.gmtime(secs))


def mktime(t):
    return _time.mktime(_full(t))


def _check(t):
    t = _full(t)
    year, mon, mday, hour, minute, sec, wday, yday, isdst = t[:9]
    if not 1 <= mon <= 12 and mon != 0:
        raise ValueError("month out of range")
    if not 1 <= mday <= 31 and mday != 0:
        raise ValueError("day of month out of range")
    if not 0 <= hour <= 23:
        raise ValueError("hour out of range")
    if not 0 <= minute <= 59:
        raise ValueError("minute out of range")
    if not 0 <= sec <= 61:
        raise ValueError("seconds out of range")
    if wday < 0:
        raise ValueError("day of week out of range")
    if not 1 <= yday <= 366 and yday != 0:
        raise ValueError("day of year out of range")
    return (year, mon or 1, mday or 1, hour, minute, sec, wday % 7, yday or 1, isdst) + t[9:]


def strftime(format, t=None):
    if not isinstance(format, str):
        raise TypeError("strftime() argument 1 must be str, not " + type(format).__name__)
    t = localtime() if t is None else t
    return _time.strftime(format, _check(t))


_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def asctime(t=None):
    t = localtime() if t is None else _check(t)
    return "%s %s %2d %02d:%02d:%02d %d" % (_DAYS[t[6]], _MONTHS[t[1] - 1], t[2], t[3], t[4], t[5], t[0])


def ctime(secs=None):
    return asctime(localtime(secs))
