"""gc for pyfast: objects are freed by reference counting the moment the
last reference goes; there is no cycle collector, so collect() finds
nothing to free and the switches only record what was asked."""

_enabled = True
garbage = []
callbacks = []
DEBUG_STATS = 1
DEBUG_COLLECTABLE = 2
DEBUG_UNCOLLECTABLE = 4
DEBUG_SAVEALL = 32
DEBUG_LEAK = 38
_threshold = (700, 10, 10)
_debug = 0


def collect(generation=2):
    if not 0 <= generation <= 2:
        raise ValueError("invalid generation")
    return 0


def enable():
    global _enabled
    _enabled = True


def disable():
    global _enabled
    _enabled = False


def isenabled():
    return _enabled


def get_threshold():
    return _threshold


def set_threshold(threshold0, threshold1=None, threshold2=None):
    global _threshold
    t = list(_threshold)
    t[0] = threshold0
    if threshold1 is not None:
        t[1] = threshold1
    if threshold2 is not None:
        t[2] = threshold2
    _threshold = tuple(t)


def get_count():
    return (0, 0, 0)


def set_debug(flags):
    global _debug
    _debug = flags


def get_debug():
    return _debug


def is_tracked(obj):
    return not isinstance(obj, (int, float, str, bytes, bool, type(None)))



def freeze():
    pass


def unfreeze():
    pass


def get_freeze_count():
    return 0
