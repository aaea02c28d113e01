"""pprint for pyfast: pprint, pformat, pp, saferepr, isreadable,
isrecursive and PrettyPrinter, laying out dicts, lists, tuples, sets and
long strings the way CPython's does (width, indent, depth, sort_dicts).
compact=True is not implemented (NotImplementedError)."""

import sys

__all__ = ["pprint", "pformat", "isreadable", "isrecursive", "saferepr", "PrettyPrinter", "pp"]


class _Key:
    """Sort key that orders mixed types without TypeError (by type name
    when values do not compare), as CPython's safe ordering does."""
    __slots__ = ("obj",)

    def __init__(self, obj):
        self.obj = obj

    def __lt__(self, other):
        try:
            return self.obj < other.obj
        except TypeError:
            return (str(type(self.obj)), id(self.obj)) < (str(type(other.obj)), id(other.obj))


def _pair_key(kv):
    return (_Key(kv[0]), _Key(kv[1]))


class PrettyPrinter:
    def __init__(self, indent=1, width=80, depth=None, stream=None, *, compact=False,
                 sort_dicts=True, underscore_numbers=False):
        indent = int(indent)
        width = int(width)
        if indent < 0:
            raise ValueError("indent must be >= 0")
        if depth is not None and depth <= 0:
            raise ValueError("depth must be > 0")
        if not width:
            raise ValueError("width must be != 0")
        if compact:
            raise NotImplementedError("pprint: compact=True is not implemented by pyfast")
        self._indent = indent
        self._width = width
        self._depth = depth
        self._stream = stream
        self._sort_dicts = sort_dicts
        self._underscore_numbers = underscore_numbers

    def pprint(self, obj):
        stream = self._stream if self._stream is not None else sys.stdout
        stream.write(self.pformat(obj) + "\n")

    def pformat(self, obj):
        out = []
        self._format(obj, out, 0, 0, set(), 0)
        return "".join(out)

    def isrecursive(self, obj):
        return self._repr_info(obj, set(), 0)[2]

    def isreadable(self, obj):
        rep, readable, recursive = self._repr_info(obj, set(), 0)
        return readable and not recursive

    # -- one-line representations

    def _repr(self, obj, context, level):
        return self._repr_info(obj, context, level)[0]

    def _repr_info(self, obj, context, level):
        """(repr, readable, recursive), honouring depth and sort_dicts."""
        t = type(obj)
        if t in (int, float, str, bool, type(None), bytes):
            if t is int and self._underscore_numbers:
                return f"{obj:_d}", True, False
            return repr(obj), True, False
        is_dict = issubclass(t, dict) and t.__repr__ is dict.__repr__
        is_seq = (issubclass(t, list) and t.__repr__ is list.__repr__) or \
            (issubclass(t, tuple) and t.__repr__ is tuple.__repr__)
        if not (is_dict or is_seq):
            rep = repr(obj)
            return rep, bool(rep) and not rep.startswith("<"), False
        if not obj:
            return repr(obj), True, False
        oid = id(obj)
        if self._depth is not None and level >= self._depth:
            return ("{...}" if is_dict else "[...]" if issubclass(t, list) else "(...)"), False, oid in context
        if oid in context:
            return "<Recursion on %s with id=%s>" % (t.__name__, oid), False, True
        context.add(oid)
        readable = True
        recursive = False
        parts = []
        if is_dict:
            items = sorted(obj.items(), key=_pair_key) if self._sort_dicts else obj.items()
            for k, v in items:
                kr, kread, krec = self._repr_info(k, context, level + 1)
                vr, vread, vrec = self._repr_info(v, context, level + 1)
                parts.append(f"{kr}: {vr}")
                readable = readable and kread and vread
                recursive = recursive or krec or vrec
            rep = "{" + ", ".join(parts) + "}"
        else:
            for v in obj:
                vr, vread, vrec = self._repr_info(v, context, level + 1)
                parts.append(vr)
                readable = readable and vread
                recursive = recursive or vrec
            if issubclass(t, list):
                rep = "[" + ", ".join(parts) + "]"
            elif len(parts) == 1:
                rep = "(" + parts[0] + ",)"
            else:
                rep = "(" + ", ".join(parts) + ")"
        context.discard(oid)
        return rep, readable, recursive

    # -- multi-line layout

    def _format(self, obj, out, indent, allowance, context, level):
        oid = id(obj)
        if oid in context:
            out.append("<Recursion on %s with id=%s>" % (type(obj).__name__, oid))
            return
        rep = self._repr(obj, context, level)
        if len(rep) > self._width - indent - allowance:
            layout = self._layout_for(obj)
            if layout is not None:
                context.add(oid)
                layout(obj, out, indent, allowance, context, level + 1)
                context.discard(oid)
                return
        out.append(rep)

    def _layout_for(self, obj):
        t = type(obj)
        if issubclass(t, dict) and t.__repr__ is dict.__repr__:
            return self._dict if obj else None
        if issubclass(t, list) and t.__repr__ is list.__repr__:
            return self._list if obj else None
        if issubclass(t, tuple) and t.__repr__ is tuple.__repr__:
            return self._tuple if obj else None
        if t is set or t is frozenset:
            return self._set if obj else None
        if t is str:
            return self._str
        return None

    def _dict(self, obj, out, indent, allowance, context, level):
        out.append("{")
        if self._indent > 1:
            out.append(" " * (self._indent - 1))
        items = sorted(obj.items(), key=_pair_key) if self._sort_dicts else list(obj.items())
        indent += self._indent
        for n, (k, v) in enumerate(items):
            last = n == len(items) - 1
            kr = self._repr(k, context, level)
            out.append(kr)
            out.append(": ")
            self._format(v, out, indent + len(kr) + 2, allowance + 1 if last else 1, context, level)
            if not last:
                out.append(",\n" + " " * indent)
        out.append("}")

    def _items(self, items, out, indent, allowance, context, level):
        if self._indent > 1:
            out.append(" " * (self._indent - 1))
        indent += self._indent
        for n, v in enumerate(items):
            last = n == len(items) - 1
            if n:
                out.append(",\n" + " " * indent)
            self._format(v, out, indent, allowance if last else 1, context, level)

    def _list(self, obj, out, indent, allowance, context, level):
        out.append("[")
        self._items(list(obj), out, indent, allowance + 1, context, level)
        out.append("]")

    def _tuple(self, obj, out, indent, allowance, context, level):
        out.append("(")
        end = ",)" if len(obj) == 1 else ")"
        self._items(list(obj), out, indent, allowance + len(end), context, level)
        out.append(end)

    def _set(self, obj, out, indent, allowance, context, level):
        if type(obj) is set:
            out.append("{")
            end = "}"
        else:
            out.append("frozenset({")
            end = "})"
            indent += len("frozenset(")
        self._items(sorted(obj, key=_Key), out, indent, allowance + len(end), context, level)
        out.append(end)

    def _str(self, s, out, indent, allowance, context, level):
        """A long string as adjacent literals, split after whitespace runs
        and at line ends, parenthesized at the top level."""
        if not s:
            out.append(repr(s))
            return
        if level == 1:
            indent += 1
            allowance += 1
        room = self._width - indent
        lines = s.splitlines(True)
        literals = []
        for n, line in enumerate(lines):
            last_line = n == len(lines) - 1
            limit = room - allowance if last_line else room
            if len(repr(line)) <= limit:
                literals.append(repr(line))
                continue
            words = _split_after_spaces(line)
            current = ""
            for m, word in enumerate(words):
                limit = room - allowance if last_line and m == len(words) - 1 else room
                if len(repr(current + word)) > limit and current:
                    literals.append(repr(current))
                    current = word
                else:
                    current += word
            if current:
                literals.append(repr(current))
        if len(literals) == 1:
            out.append(repr(s))
            return
        if level == 1:
            out.append("(")
        out.append(("\n" + " " * indent).join(literals))
        if level == 1:
            out.append(")")


def _split_after_spaces(line):
    """line cut into pieces that each end after a run of whitespace."""
    pieces = []
    start = 0
    i = 0
    n = len(line)
    while i < n:
        if line[i].isspace():
            while i < n and line[i].isspace():
                i += 1
            pieces.append(line[start:i])
            start = i
        else:
            i += 1
    if start < n:
        pieces.append(line[start:])
    return pieces


def pprint(object, stream=None, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True,
           underscore_numbers=False):
    """Pretty-print object to stream (sys.stdout by default), with a newline."""
    PrettyPrinter(stream=stream, indent=indent, width=width, depth=depth, compact=compact,
                  sort_dicts=sort_dicts, underscore_numbers=underscore_numbers).pprint(object)


def pformat(object, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True,
            underscore_numbers=False):
    """The pretty-printed text of object."""
    return PrettyPrinter(indent=indent, width=width, depth=depth, compact=compact,
                         sort_dicts=sort_dicts, underscore_numbers=underscore_numbers).pformat(object)


def pp(object, *args, sort_dicts=False, **kwargs):
    """pprint with sort_dicts=False by default."""
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)


def saferepr(object):
    """repr() that marks recursion instead of failing."""
    return PrettyPrinter()._repr(object, set(), 0)


def isreadable(object):
    return PrettyPrinter().isreadable(object)


def isrecursive(object):
    return PrettyPrinter().isrecursive(object)
