"""traceback for pyfast: CPython's API. Formatting (carets, chains,
`[Previous line repeated ...]`) is the interpreter's own, from
`_traceback`, so a printed traceback reads as an uncaught one does."""

import sys
import linecache
import _traceback

__all__ = [
    "extract_stack", "extract_tb", "format_exception", "format_exception_only", "format_list",
    "format_stack", "format_tb", "print_exc", "format_exc", "print_exception", "print_last",
    "print_stack", "print_tb", "clear_frames", "FrameSummary", "StackSummary", "TracebackException",
    "walk_stack", "walk_tb",
]

_sentinel = object()


def _lines(text):
    return text.splitlines(keepends=True)


def _exception(exc, value, tb):
    """The exception of the (exc) or (type, value, tb) calling forms."""
    if value is _sentinel:
        return exc
    if value is None:
        return None
    if tb is not _sentinel and tb is not None and getattr(value, "__traceback__", None) is None:
        value.__traceback__ = tb
    return value


def _file(file):
    return sys.stderr if file is None else file


class FrameSummary:
    """One entry of a stack: where (filename, lineno, name) and the line."""

    __slots__ = ("filename", "lineno", "name", "_line", "locals", "_code", "_lasti")

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None):
        self.filename = filename
        self.lineno = lineno
        self.name = name
        self._line = line
        self._code = None
        self._lasti = -1
        if lookup_line:
            self.line
        self.locals = {k: repr(v) for k, v in locals.items()} if locals else None

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno
                    and self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = linecache.getline(self.filename, self.lineno)
        return self._line.strip()


def _summary(code, lineno, lasti, lookup_line, f_locals):
    fs = FrameSummary(code.co_filename, lineno, code.co_name, lookup_line=lookup_line, locals=f_locals)
    fs._code = code
    fs._lasti = lasti
    return fs


def walk_tb(tb):
    """(frame, lineno) for each entry of a traceback, outermost first."""
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno
        tb = tb.tb_next


def walk_stack(f):
    """(frame, lineno) from `f` (default: the caller's caller) outwards."""
    if f is None:
        f = sys._getframe().f_back
    while f is not None:
        yield f, f.f_lineno
        f = f.f_back


class StackSummary(list):
    """A list of FrameSummary objects, ready for formatting."""

    @classmethod
    def extract(klass, frame_gen, *, limit=None, lookup_lines=True, capture_locals=False):
        return klass._extract(((f, lineno, -1) for f, lineno in frame_gen), limit, lookup_lines, capture_locals)

    @classmethod
    def _extract(klass, entries, limit, lookup_lines, capture_locals):
        entries = list(entries)
        if limit is None:
            limit = getattr(sys, "tracebacklimit", None)
            if limit is not None and limit < 0:
                limit = 0
        if limit is not None:
            entries = entries[:limit] if limit >= 0 else entries[limit:]
        result = klass()
        for f, lineno, lasti in entries:
            f_locals = getattr(f, "f_locals", None) if capture_locals else None
            result.append(_summary(f.f_code, lineno, lasti, lookup_lines, f_locals))
        return result

    @classmethod
    def from_list(klass, a_list):
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        if frame_summary._code is not None and frame_summary._lasti >= 0:
            return _traceback.format_entries([(frame_summary._code, frame_summary._lasti)])[0]
        row = '  File "{}", line {}, in {}\n'.format(frame_summary.filename, frame_summary.lineno, frame_summary.name)
        if frame_summary.line:
            row += "    {}\n".format(frame_summary.line)
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row += "    {name} = {value}\n".format(name=name, value=value)
        return row

    def format(self):
        if all(f._code is not None and f._lasti >= 0 and not f.locals for f in self):
            return _traceback.format_entries([(f._code, f._lasti) for f in self])
        result = []
        last = None
        count = 0
        for fs in self:
            key = (fs.filename, fs.lineno, fs.name)
            if key == last:
                count += 1
                if count > 3:
                    continue
            else:
                if count > 3:
                    n = count - 3
                    result.append("  [Previous line repeated {} more time{}]\n".format(n, "s" if n > 1 else ""))
                last = key
                count = 1
            result.append(self.format_frame_summary(fs))
        if count > 3:
            n = count - 3
            result.append("  [Previous line repeated {} more time{}]\n".format(n, "s" if n > 1 else ""))
        return result


def _tb_entries(tb):
    while tb is not None:
        yield tb.tb_frame, tb.tb_lineno, tb.tb_lasti
        tb = tb.tb_next


def extract_tb(tb, limit=None):
    return StackSummary._extract(_tb_entries(tb), limit, True, False)


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


def _stack_entries(f):
    entries = []
    while f is not None:
        # No positions for stack entries (as CPython 3.11): no carets.
        entries.append((f, f.f_lineno, -1))
        f = f.f_back
    entries.reverse()
    return entries


def extract_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe().f_back
    entries = _stack_entries(f)
    if limit is not None:
        entries = entries[-limit:] if limit >= 0 else entries[:-limit]
    return StackSummary._extract(entries, None, True, False)


def format_stack(f=None, limit=None):
    if f is None:
        f = sys._getframe().f_back
    return format_list(extract_stack(f, limit=limit))


def print_stack(f=None, limit=None, file=None):
    if f is None:
        f = sys._getframe().f_back
    print_list(extract_stack(f, limit=limit), file=file)


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    file = _file(file)
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def format_exception_only(exc, /, value=_sentinel):
    if value is not _sentinel:
        exc = value
    if exc is None:
        return ["NoneType: None\n"]
    return _lines(_traceback.format_exception_only(exc))


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    exc = _exception(exc, value, tb)
    if exc is None:
        return ["NoneType: None\n"]
    if limit is None:
        limit = getattr(sys, "tracebacklimit", None)
    return _traceback.format_exception(exc, limit, chain)


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    file = _file(file)
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end="")


def format_exc(limit=None, chain=True):
    return "".join(format_exception(sys.exc_info()[1], limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exc_info()[1], limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    last = getattr(sys, "last_value", None)
    if last is None:
        raise ValueError("no last exception")
    print_exception(last, limit=limit, file=file, chain=chain)


def clear_frames(tb):
    """Nothing to clear: pyfast's traceback frames hold no locals."""


class TracebackException:
    """An exception ready for rendering: its type, message, stack, and
    the exceptions it was chained to."""

    def __init__(self, exc_type, exc_value, exc_traceback, *, limit=None, lookup_lines=True,
                 capture_locals=False, compact=False, max_group_width=15, max_group_depth=10, _seen=None):
        if _seen is None:
            _seen = set()
        _seen.add(id(exc_value))
        self._exc = exc_value
        self._limit = limit
        self.exc_type = exc_type
        self._str = _safe_str(exc_value)
        self.stack = StackSummary._extract(_tb_entries(exc_traceback), limit, lookup_lines, capture_locals)
        self.__notes__ = getattr(exc_value, "__notes__", None)
        if exc_type is not None and issubclass(exc_type, SyntaxError):
            self.filename = exc_value.filename
            lno = exc_value.lineno
            self.lineno = str(lno) if lno is not None else None
            self.text = exc_value.text
            self.offset = exc_value.offset
            self.msg = exc_value.msg
        self.__suppress_context__ = exc_value.__suppress_context__ if exc_value is not None else False
        self.__cause__ = None
        self.__context__ = None
        cause = getattr(exc_value, "__cause__", None)
        context = getattr(exc_value, "__context__", None)
        if cause is not None and id(cause) not in _seen:
            self.__cause__ = TracebackException(type(cause), cause, cause.__traceback__, limit=limit,
                                                lookup_lines=lookup_lines, capture_locals=capture_locals,
                                                _seen=_seen)
        if context is not None and id(context) not in _seen:
            self.__context__ = TracebackException(type(context), context, context.__traceback__, limit=limit,
                                                  lookup_lines=lookup_lines, capture_locals=capture_locals,
                                                  _seen=_seen)

    @classmethod
    def from_exception(cls, exc, *args, **kwargs):
        return cls(type(exc), exc, exc.__traceback__, *args, **kwargs)

    @property
    def exc_type_str(self):
        return self.exc_type.__qualname__ if self.exc_type is not None else "NoneType"

    def __eq__(self, other):
        if isinstance(other, TracebackException):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __str__(self):
        return self._str

    def format_exception_only(self):
        if self._exc is None:
            yield "NoneType: None\n"
            return
        yield from _lines(_traceback.format_exception_only(self._exc))

    def format(self, *, chain=True):
        if self._exc is None:
            yield "NoneType: None\n"
            return
        yield from _traceback.format_exception(self._exc, self._limit, chain)

    def print(self, *, file=None, chain=True):
        file = _file(file)
        for line in self.format(chain=chain):
            print(line, file=file, end="")


def _safe_str(value):
    try:
        return str(value)
    except Exception:
        return "<exception str() failed>"
