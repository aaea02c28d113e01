"""csv: reading and writing comma-separated values with CPython's
dialects, quoting rules and error messages."""

__all__ = ["QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE", "Error", "Dialect", "excel",
           "excel_tab", "unix_dialect", "reader", "writer", "register_dialect", "get_dialect", "list_dialects",
           "unregister_dialect", "field_size_limit", "DictReader", "DictWriter"]

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = range(4)

_field_limit = 128 * 1024


class Error(Exception):
    pass


class Dialect:
    """The formatting parameters of a CSV flavour."""

    _name = ""
    _valid = False
    delimiter = None
    quotechar = None
    escapechar = None
    doublequote = None
    skipinitialspace = None
    lineterminator = None
    quoting = None
    strict = False

    def __init__(self):
        if self.__class__ != Dialect:
            self._valid = True
        _validate(self)


def _validate(d):
    if not isinstance(d.delimiter, str) or len(d.delimiter) != 1:
        if d.delimiter is None or not isinstance(d.delimiter, str):
            raise TypeError('"delimiter" must be a 1-character string' if isinstance(d.delimiter, str)
                            or d.delimiter is None else '"delimiter" must be string, not %s'
                            % type(d.delimiter).__name__)
        raise TypeError('"delimiter" must be a 1-character string')
    if d.quotechar is not None and (not isinstance(d.quotechar, str) or len(d.quotechar) != 1):
        raise TypeError('"quotechar" must be a 1-character string')
    if d.quoting not in (QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE):
        raise TypeError("bad \"quoting\" value")
    if d.quotechar is None and d.quoting != QUOTE_NONE:
        raise TypeError("quotechar must be set if quoting enabled")
    if not isinstance(d.lineterminator, str):
        raise TypeError('"lineterminator" must be a string')


class excel(Dialect):
    delimiter = ","
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\r\n"
    quoting = QUOTE_MINIMAL


class excel_tab(excel):
    delimiter = "\t"


class unix_dialect(Dialect):
    delimiter = ","
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\n"
    quoting = QUOTE_ALL


_dialects = {"excel": excel, "excel-tab": excel_tab, "unix": unix_dialect}


class _Params:
    """A dialect with keyword overrides applied (what reader/writer use)."""

    _ATTRS = ("delimiter", "quotechar", "escapechar", "doublequote", "skipinitialspace", "lineterminator",
              "quoting", "strict")

    def __init__(self, dialect="excel", **kw):
        if isinstance(dialect, str):
            dialect = get_dialect(dialect)
        for k in kw:
            if k not in self._ATTRS:
                raise TypeError("'%s' is an invalid keyword argument for this function" % k)
        for a in self._ATTRS:
            setattr(self, a, kw[a] if a in kw else getattr(dialect, a, None))
        if self.doublequote is None:
            self.doublequote = True
        if self.skipinitialspace is None:
            self.skipinitialspace = False
        if self.quoting is None:
            self.quoting = QUOTE_MINIMAL
        if self.lineterminator is None:
            self.lineterminator = "\r\n"
        if "quotechar" in kw and kw["quotechar"] is None and "quoting" not in kw:
            self.quoting = QUOTE_NONE
        _validate(self)


def register_dialect(name, dialect=None, **kw):
    if not isinstance(name, str):
        raise TypeError("dialect name must be a string")
    _dialects[name] = _Params(dialect or "excel", **kw) if kw or dialect is None else dialect


def unregister_dialect(name):
    try:
        del _dialects[name]
    except KeyError:
        raise Error("unknown dialect") from None


def get_dialect(name):
    try:
        return _dialects[name]
    except KeyError:
        raise Error("unknown dialect") from None


def list_dialects():
    return list(_dialects)


def field_size_limit(*args):
    global _field_limit
    old = _field_limit
    if args:
        if len(args) > 1:
            raise TypeError("field_size_limit expected at most 1 argument, got %d" % len(args))
        if not isinstance(args[0], int):
            raise TypeError("limit must be an integer")
        _field_limit = args[0]
    return old


class _Reader:
    def __init__(self, f, dialect, kw):
        self._it = iter(f)
        self.dialect = _Params(dialect, **kw)
        self.line_num = 0

    def __iter__(self):
        return self

    def __next__(self):
        d = self.dialect
        fields = []
        field = []
        state = "start"  # start, field, quoted, quote_in_quoted, escape, escape_in_quoted, after_ws
        quoted_field = False
        got_line = False
        while True:
            try:
                line = next(self._it)
            except StopIteration:
                if state in ("quoted", "escape_in_quoted") and d.strict:
                    raise Error("unexpected end of data")
                if not got_line:
                    raise
                if state in ("quoted", "escape_in_quoted"):
                    if d.strict:
                        raise Error("unexpected end of data")
                if field or state != "start" or fields:
                    fields.append(self._finish(field, quoted_field))
                return fields
            if not isinstance(line, str):
                raise Error("iterator should return strings, not %.200s (the file should be opened in text mode)"
                            % type(line).__name__)
            got_line = True
            self.line_num += 1
            i = 0
            n = len(line)
            while i < n:
                c = line[i]
                i += 1
                if c == "\0":
                    raise Error("line contains NUL")
                if state == "start" or state == "after_delim":
                    if c in "\r\n" and state == "start":
                        # An empty line (or the end of one).
                        if not fields and not field:
                            if c == "\r" and i < n and line[i] == "\n":
                                i += 1
                            if i >= n:
                                return []
                            continue
                        fields.append(self._finish(field, quoted_field))
                        return fields
                    if c in "\r\n":
                        fields.append(self._finish(field, quoted_field))
                        return fields
                    quoted_field = False
                    if c == d.quotechar and d.quoting != QUOTE_NONE:
                        state = "quoted"
                        quoted_field = True
                    elif c == d.escapechar:
                        state = "escape"
                    elif c == " " and d.skipinitialspace:
                        state = "after_delim"
                    elif c == d.delimiter:
                        fields.append(self._finish(field, quoted_field))
                        field = []
                        state = "after_delim"
                    else:
                        field.append(c)
                        state = "field"
                elif state == "field":
                    if c in "\r\n":
                        fields.append(self._finish(field, quoted_field))
                        return fields
                    if c == d.escapechar:
                        state = "escape"
                    elif c == d.delimiter:
                        fields.append(self._finish(field, quoted_field))
                        field = []
                        state = "after_delim"
                    else:
                        field.append(c)
                elif state == "escape":
                    field.append(c)
                    state = "field"
                elif state == "quoted":
                    if c == d.escapechar:
                        state = "escape_in_quoted"
                    elif c == d.quotechar:
                        state = "quote_in_quoted" if d.doublequote else "field"
                    else:
                        field.append(c)
                elif state == "escape_in_quoted":
                    field.append(c)
                    state = "quoted"
                elif state == "quote_in_quoted":
                    if c == d.quotechar:
                        field.append(c)
                        state = "quoted"
                    elif c == d.delimiter:
                        fields.append(self._finish(field, quoted_field))
                        field = []
                        state = "after_delim"
                    elif c in "\r\n":
                        fields.append(self._finish(field, quoted_field))
                        return fields
                    elif not d.strict:
                        field.append(c)
                        state = "field"
                    else:
                        raise Error("'%c' expected after '%c'" % (d.delimiter, d.quotechar))
            # The line ended without a newline inside it.
            if state == "start" and not fields and not field:
                return []
            if state in ("quoted", "escape_in_quoted"):
                continue
            if state == "escape":
                field.append("\n")
                state = "field"
                continue
            fields.append(self._finish(field, quoted_field))
            return fields

    def _finish(self, field, quoted):
        s = "".join(field)
        if len(s) > _field_limit:
            raise Error("field larger than field limit (%d)" % _field_limit)
        if self.dialect.quoting == QUOTE_NONNUMERIC and not quoted and s:
            return float(s)
        return s


def reader(csvfile, dialect="excel", **fmtparams):
    return _Reader(csvfile, dialect, fmtparams)


class _Writer:
    def __init__(self, f, dialect, kw):
        self._write = f.write
        self.dialect = _Params(dialect, **kw)

    def _quote(self, field):
        d = self.dialect
        if field is None:
            s = ""
        elif isinstance(field, float):
            s = repr(field)
        else:
            s = str(field)
        numeric = isinstance(field, (int, float))
        if d.quoting == QUOTE_ALL or (d.quoting == QUOTE_NONNUMERIC and not numeric):
            need = True
        elif d.quoting == QUOTE_NONE:
            need = False
        else:
            need = (s == "" and field is not None and False) or any(
                c in s for c in (d.delimiter, d.quotechar or "", "\r", "\n")) or (s[:1] == " " and
                                                                                d.skipinitialspace)
        out = []
        for c in s:
            if c == d.quotechar and d.quoting != QUOTE_NONE:
                if d.doublequote:
                    out.append(c + c)
                    need = need or d.quoting == QUOTE_MINIMAL
                    continue
                if d.escapechar is None:
                    raise Error("need to escape, but no escapechar set")
                out.append(d.escapechar + c)
                continue
            if d.quoting == QUOTE_NONE and (c in (d.delimiter, "\r", "\n") or c == d.quotechar or
                                           c == d.escapechar):
                if d.escapechar is None:
                    raise Error("need to escape, but no escapechar set")
                out.append(d.escapechar + c)
                continue
            if c == d.escapechar and d.escapechar is not None:
                out.append(c + c)
                continue
            out.append(c)
        s = "".join(out)
        if need:
            s = d.quotechar + s + d.quotechar
        return s

    def writerow(self, row):
        try:
            fields = list(row)
        except TypeError:
            raise Error("iterable expected, not %s" % type(row).__name__) from None
        d = self.dialect
        if len(fields) == 1 and (fields[0] == "" or fields[0] is None):
            if d.quoting == QUOTE_NONE:
                raise Error("single empty field record must be quoted")
            line = d.quotechar * 2
        else:
            line = d.delimiter.join(self._quote(f) for f in fields)
        return self._write(line + d.lineterminator)

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def writer(csvfile, dialect="excel", **fmtparams):
    return _Writer(csvfile, dialect, fmtparams)


class DictReader:
    def __init__(self, f, fieldnames=None, restkey=None, restval=None, dialect="excel", *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self._fieldnames = fieldnames
        self.restkey = restkey
        self.restval = restval
        self.reader = reader(f, dialect, *args, **kwds)
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            try:
                self._fieldnames = next(self.reader)
            except StopIteration:
                pass
        self.line_num = self.reader.line_num
        return self._fieldnames

    @fieldnames.setter
    def fieldnames(self, value):
        self._fieldnames = value

    def __next__(self):
        if self.line_num == 0:
            self.fieldnames
        row = next(self.reader)
        self.line_num = self.reader.line_num
        while row == []:
            row = next(self.reader)
        d = dict(zip(self.fieldnames, row))
        lf = len(self.fieldnames)
        lr = len(row)
        if lf < lr:
            d[self.restkey] = row[lf:]
        elif lf > lr:
            for key in self.fieldnames[lr:]:
                d[key] = self.restval
        return d


class DictWriter:
    def __init__(self, f, fieldnames, restval="", extrasaction="raise", dialect="excel", *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self.fieldnames = fieldnames
        self.restval = restval
        if extrasaction.lower() not in ("raise", "ignore"):
            raise ValueError("extrasaction (%s) must be 'raise' or 'ignore'" % extrasaction)
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds)

    def writeheader(self):
        header = dict(zip(self.fieldnames, self.fieldnames))
        return self.writerow(header)

    def _dict_to_list(self, rowdict):
        if self.extrasaction == "raise":
            wrong_fields = rowdict.keys() - self.fieldnames
            if wrong_fields:
                raise ValueError("dict contains fields not in fieldnames: " + ", ".join([repr(x) for x in
                                                                                         wrong_fields]))
        return (rowdict.get(key, self.restval) for key in self.fieldnames)

    def writerow(self, rowdict):
        return self.writer.writerow(self._dict_to_list(rowdict))

    def writerows(self, rowdicts):
        return self.writer.writerows(map(self._dict_to_list, rowdicts))
