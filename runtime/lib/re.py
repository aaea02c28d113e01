"""re for pyfast: Python's regular expressions over `_re` (fancy-regex).

Patterns are translated from Python's syntax into the engine's here, with
Python's errors for the common mistakes; matching semantics are the
engine's backtracking ones, which agree with Python's. Bytes patterns and
subjects are matched as Latin-1 text (one character per byte), with ASCII
classes as Python gives bytes. Not supported (re.error says so): \\N{...}
escapes, the LOCALE flag, VERBOSE inside a scoped flag group.
"""

import _re
import enum

__all__ = ["match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer", "compile",
           "purge", "escape", "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
           "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE", "UNICODE", "NOFLAG"]


class RegexFlag(enum.IntFlag):
    NOFLAG = 0
    TEMPLATE = T = 1
    IGNORECASE = I = 2
    LOCALE = L = 4
    MULTILINE = M = 8
    DOTALL = S = 16
    UNICODE = U = 32
    VERBOSE = X = 64
    DEBUG = 128
    ASCII = A = 256

    def __repr__(self):
        if self._value_ == 0:
            return "re.NOFLAG"
        names = [f"re.{f._name_}" for f in RegexFlag if f._value_ and f._value_ & self._value_ == f._value_
                 and f._value_ & (f._value_ - 1) == 0]
        return "|".join(names)

    def __str__(self):
        return self.__repr__()


NOFLAG = RegexFlag.NOFLAG
I = IGNORECASE = RegexFlag.IGNORECASE
L = LOCALE = RegexFlag.LOCALE
M = MULTILINE = RegexFlag.MULTILINE
S = DOTALL = RegexFlag.DOTALL
U = UNICODE = RegexFlag.UNICODE
X = VERBOSE = RegexFlag.VERBOSE
A = ASCII = RegexFlag.ASCII
T = TEMPLATE = RegexFlag.TEMPLATE
DEBUG = RegexFlag.DEBUG


class error(Exception):
    """A pattern that is not a valid regular expression (with its position)."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            if isinstance(pattern, str):
                nl = "\n"
            else:
                nl = b"\n"
            self.lineno = pattern.count(nl, 0, pos) + 1
            self.colno = pos - pattern.rfind(nl, 0, pos)
            if nl in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        Exception.__init__(self, msg)


PatternError = error

# ---------------------------------------------------------------- translation

_META = set(".^$*+?()[]{}|\\#&-~ \t\n\r\f\v")
_ASCII_CLASSES = {"d": "0-9", "w": "0-9A-Za-z_", "s": " \\t\\n\\r\\f\\v"}
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "\\": "\\"}
_HEX = "0123456789abcdefABCDEF"
_OCT = "01234567"


def _lit(c):
    """The engine's spelling of literal character c."""
    if c in _META:
        return "\\" + c
    return c


class _Translator:
    def __init__(self, pattern, text, flags):
        self.pattern = pattern
        self.p = text
        self.flags = flags
        self.i = 0
        self.out = []
        self.groups = 0
        self.names = {}

    def err(self, msg, pos):
        raise error(msg, self.pattern, pos)

    def translate(self):
        p = self.p
        # Global inline flags, which Python requires at the start.
        while p.startswith("(?", self.i) and self.i + 2 < len(p) and p[self.i + 2] in "aiLmsux":
            j = self.i + 2
            while j < len(p) and p[j] in "aiLmsux":
                j += 1
            if j < len(p) and p[j] == ")":
                for c in p[self.i + 2:j]:
                    self.flags |= _FLAG_LETTERS[c]
                self.i = j + 1
            else:
                break
        if self.flags & LOCALE:
            if isinstance(self.pattern, str):
                self.err("bad inline flags: cannot use 'L' flag with a str pattern", 0)
            raise error("re.LOCALE is not supported by pyfast")
        prefix = ""
        if self.flags & IGNORECASE:
            prefix += "i"
        if self.flags & MULTILINE:
            prefix += "m"
        if self.flags & DOTALL:
            prefix += "s"
        self.seq(0)
        if self.i < len(p):
            self.err("unbalanced parenthesis", self.i)
        body = "".join(self.out)
        return ("(?" + prefix + ")" + body) if prefix else body

    def skip_verbose(self):
        p = self.p
        while self.i < len(p):
            c = p[self.i]
            if c in " \t\n\r\f\v":
                self.i += 1
            elif c == "#":
                nl = p.find("\n", self.i)
                self.i = len(p) if nl < 0 else nl + 1
            else:
                break

    def seq(self, depth):
        """Translate until an unmatched ')' (left unconsumed) or the end."""
        p = self.p
        out = self.out
        verbose = self.flags & VERBOSE
        can_repeat = False
        repeated = False
        while True:
            if verbose:
                self.skip_verbose()
            if self.i >= len(p):
                return
            start = self.i
            c = p[start]
            if c == ")":
                if depth == 0:
                    self.err("unbalanced parenthesis", start)
                return
            if c in "*+?{":
                q = self.quantifier(start)
                if q is not None:
                    if not can_repeat:
                        self.err("nothing to repeat" if not repeated else "multiple repeat", start)
                    out.append(q)
                    can_repeat = False
                    repeated = True
                    continue
            self.i += 1
            repeated = False
            can_repeat = True
            if c == "|":
                out.append("|")
                can_repeat = False
            elif c == ".":
                out.append(".")
            elif c == "^":
                out.append("^")
            elif c == "$":
                out.append("$" if self.flags & MULTILINE else "(?:\\z|(?=\\n\\z))")
            elif c == "\\":
                out.append(self.escape(start, False))
            elif c == "[":
                out.append(self.char_class(start))
            elif c == "(":
                self.group(start, depth)
            else:
                out.append(_lit(c))

    def quantifier(self, start):
        """The repeat at start ('*', '+', '?', '{m,n}', with '?'/'+' suffix),
        or None when '{' is a literal."""
        p = self.p
        c = p[start]
        if c == "{":
            close = p.find("}", start)
            if close < 0:
                return None
            body = p[start + 1:close]
            lo, comma, hi = body.partition(",")
            if not (lo.isdigit() or (comma and lo == "")) or not (hi == "" or hi.isdigit()) \
                    or not lo + hi or not lo.isascii() or not hi.isascii():
                return None
            if lo and hi and int(lo) > int(hi):
                self.err("min repeat greater than max repeat", start + 1)
            q = "{" + (lo or "0") + ("," + hi if comma else "") + "}"
            self.i = close + 1
        else:
            q = c
            self.i = start + 1
        if self.i < len(p) and p[self.i] in "?+":
            q += p[self.i]
            self.i += 1
        return q

    def group(self, start, depth):
        p = self.p
        out = self.out
        if p.startswith("?", self.i):
            self.i += 1
            if self.i >= len(p):
                self.err("unexpected end of pattern", self.i)
            c = p[self.i]
            if c == "P":
                self.i += 1
                if p.startswith("<", self.i):
                    name = self.group_name(">")
                    self.groups += 1
                    if name in self.names:
                        self.err("redefinition of group name %r as group %d; was group %d"
                                 % (name, self.groups, self.names[name]), self.i - len(name) - 1)
                    self.names[name] = self.groups
                    out.append("(?P<" + name + ">")
                elif p.startswith("=", self.i):
                    name = self.group_name(")")
                    if name not in self.names:
                        self.err("unknown group name %r" % name, self.i - len(name) - 1)
                    out.append("(?:\\" + str(self.names[name]) + ")")
                    return
                else:
                    self.err("unknown extension ?P" + p[self.i:self.i + 1], start + 1)
            elif c == ":":
                self.i += 1
                out.append("(?:")
            elif c in "=!":
                self.i += 1
                out.append("(?" + c)
            elif c == ">":
                self.i += 1
                out.append("(?>")
            elif c == "<" and p[self.i + 1:self.i + 2] in ("=", "!"):
                out.append("(?<" + p[self.i + 1])
                self.i += 2
            elif c == "<":
                self.err("unknown extension ?<" + p[self.i + 1:self.i + 2], start + 1)
            elif c == "#":
                close = p.find(")", self.i)
                if close < 0:
                    self.err("missing ), unterminated comment", start)
                self.i = close + 1
                return
            elif c == "(":
                close = p.find(")", self.i)
                if close < 0:
                    self.err("missing ), unterminated name", self.i + 1)
                ref = p[self.i + 1:close]
                if ref.isdigit():
                    num = int(ref)
                elif ref in self.names:
                    num = self.names[ref]
                else:
                    self.err("unknown group name %r" % ref, self.i + 1)
                out.append("(?(" + str(num) + ")")
                self.i = close + 1
            elif c in "aiLmsux-":
                j = self.i
                while j < len(p) and p[j] in "aiLmsux-":
                    j += 1
                letters = p[self.i:j]
                if j < len(p) and p[j] == ")":
                    self.err("global flags not at the start of the expression", start)
                if j >= len(p) or p[j] != ":":
                    self.err("missing -, : or )", j)
                kept = "".join(ch for ch in letters if ch in "ims-")
                if "x" in letters:
                    raise error("scoped VERBOSE flags are not supported by pyfast")
                out.append("(?" + kept + ":" if kept.strip("-") else "(?:")
                self.i = j + 1
            else:
                self.err("unknown extension ?" + c, start + 1)
        else:
            self.groups += 1
            out.append("(")
        self.seq(depth + 1)
        if self.i >= len(p):
            self.err("missing ), unterminated subpattern", start)
        self.i += 1
        out.append(")")

    def group_name(self, terminator):
        p = self.p
        begin = self.i + 1
        close = p.find(terminator, begin)
        if close < 0:
            self.err("missing %s, unterminated name" % terminator, begin)
        name = p[begin:close]
        if not name:
            self.err("missing group name", begin)
        if not name.isidentifier():
            self.err("bad character in group name %r" % name, begin)
        self.i = close + 1
        return name

    def escape(self, start, in_class):
        """Translate the escape at start (a backslash); return the engine's text."""
        p = self.p
        if self.i >= len(p):
            self.err("bad escape (end of pattern)", start)
        c = p[self.i]
        self.i += 1
        if c in "dswDSW":
            if self.flags & ASCII or not isinstance(self.pattern, str):
                body = _ASCII_CLASSES[c.lower()]
                if in_class:
                    if c.islower():
                        return body
                    return "\\" + c
                return ("[^" if c.isupper() else "[") + body + "]"
            return "\\" + c
        if c in "AbBZ" and not in_class:
            if c == "Z":
                return "\\z"
            if c in "bB" and (self.flags & ASCII or not isinstance(self.pattern, str)):
                return "(?-u:\\" + c + ")"
            return "\\" + c
        if c == "b" and in_class:
            return "\\x08"
        if c in _SIMPLE_ESCAPES:
            return _lit(_SIMPLE_ESCAPES[c])
        if c == "x":
            return self.hex_escape(start, 2)
        if c in "uU" and isinstance(self.pattern, str):
            return self.hex_escape(start, 4 if c == "u" else 8)
        if c == "0":
            j = self.i
            while j < len(p) and j < self.i + 2 and p[j] in _OCT:
                j += 1
            code = int(p[start + 1:j], 8)
            self.i = j
            return _lit(chr(code))
        if c.isdigit() and c.isascii():
            j = self.i
            if j < len(p) and p[j].isdigit() and p[j].isascii():
                j += 1
            digits = p[start + 1:j]
            if c in _OCT and len(digits) == 2 and j < len(p) and p[j] in _OCT and digits[1] in _OCT:
                code = int(p[start + 1:j + 1], 8)
                if code > 0o377:
                    self.err("octal escape value \\%s outside of range 0-0o377" % p[start + 1:j + 1], start)
                self.i = j + 1
                return _lit(chr(code))
            if in_class:
                self.err("bad escape \\" + c, start)
            self.i = j
            num = int(digits)
            if num > self.groups:
                self.err("invalid group reference %d" % num, start + 1)
            return "(?:\\" + str(num) + ")"
        if c == "N" and isinstance(self.pattern, str):
            raise error("\\N{...} escapes are not supported by pyfast")
        if c.isascii() and c.isalpha():
            self.err("bad escape \\" + c, start)
        return _lit(c)

    def hex_escape(self, start, n):
        p = self.p
        digits = p[self.i:self.i + n]
        if len(digits) != n or any(d not in _HEX for d in digits):
            self.err("incomplete escape \\%s%s" % (p[start + 1], digits.split("\\")[0]), start)
        self.i += n
        code = int(digits, 16)
        if code > 0x10FFFF:
            self.err("bad escape \\%s%s" % (p[start + 1], digits), start)
        return _lit(chr(code))

    def class_item(self, start):
        """One member of a set: (engine text, code point or None for a class escape)."""
        p = self.p
        c = p[self.i]
        if c == "\\":
            self.i += 1
            text = self.escape(start, True)
            esc = p[start + 1]
            if esc in "dswDSW":
                return text, None
            ch = text[1:] if text.startswith("\\") and len(text) == 2 else text
            if ch.startswith("\\x"):
                return text, 8
            return text, ord(ch) if len(ch) == 1 else None
        self.i += 1
        return _lit(c), ord(c)

    def char_class(self, start):
        p = self.p
        parts = ["["]
        if p.startswith("^", self.i):
            parts.append("^")
            self.i += 1
        first = True
        while True:
            if self.i >= len(p):
                self.err("unterminated character set", start)
            if p[self.i] == "]" and not first:
                self.i += 1
                break
            first = False
            item_start = self.i
            text, lo = self.class_item(item_start)
            if p.startswith("-", self.i) and self.i + 1 < len(p) and p[self.i + 1] != "]":
                self.i += 1
                hi_start = self.i
                hi_text, hi = self.class_item(hi_start)
                if lo is None or hi is None:
                    self.err("bad character range %s" % p[item_start:self.i], item_start)
                if hi < lo:
                    self.err("bad character range %s" % p[item_start:self.i], item_start)
                parts.append(text + "-" + hi_text)
            else:
                parts.append(text)
        if len(parts) == 1 or parts == ["[", "^"]:
            self.err("unterminated character set", start)
        parts.append("]")
        return "".join(parts)


_FLAG_LETTERS = {"a": ASCII, "i": IGNORECASE, "L": LOCALE, "m": MULTILINE, "s": DOTALL,
                 "u": UNICODE, "x": VERBOSE}

# ---------------------------------------------------------------- objects


def _as_text(s):
    """The str the engine matches: s itself, or bytes as Latin-1."""
    if isinstance(s, str):
        return s
    if isinstance(s, (bytes, bytearray)):
        return bytes(s).decode("latin-1")
    raise TypeError(f"expected string or bytes-like object, got '{type(s).__name__}'")


class Pattern:
    """A compiled regular expression."""

    def __init__(self, pattern, flags):
        if isinstance(pattern, str):
            if flags & ASCII == 0:
                flags |= UNICODE
            text = pattern
        elif isinstance(pattern, (bytes, bytearray)):
            if flags & UNICODE:
                raise ValueError("cannot use UNICODE flag with a bytes pattern")
            text = bytes(pattern).decode("latin-1")
        else:
            raise TypeError("first argument must be string or compiled pattern")
        if flags & UNICODE and flags & ASCII:
            raise ValueError("ASCII and UNICODE flags are incompatible")
        tr = _Translator(pattern, text, flags)
        translated = tr.translate()
        try:
            self._handle, self.groups, names = _re.compile(translated)
        except ValueError as e:
            raise error(f"pyfast cannot compile this pattern: {e}") from None
        self.pattern = pattern
        self.flags = int(tr.flags | (flags & UNICODE))
        self.groupindex = dict(names)
        self._bytes = not isinstance(pattern, str)

    def _check(self, string):
        if self._bytes:
            if isinstance(string, str):
                raise TypeError("cannot use a bytes pattern on a string-like object")
        elif not isinstance(string, str):
            if isinstance(string, (bytes, bytearray)):
                raise TypeError("cannot use a string pattern on a bytes-like object")
            raise TypeError(f"expected string or bytes-like object, got '{type(string).__name__}'")
        return _as_text(string)

    def _match(self, string, text, pos, endpos, mode):
        n = len(text)
        if pos < 0:
            pos = 0
        if endpos > n:
            endpos = n
        if endpos < 0:
            endpos = 0
        spans = _re.match(self._handle, text, pos, endpos, mode)
        if spans is None:
            return None
        return Match(self, string, spans, pos, endpos)

    def search(self, string, pos=0, endpos=2 ** 62):
        return self._match(string, self._check(string), pos, endpos, 0)

    def match(self, string, pos=0, endpos=2 ** 62):
        return self._match(string, self._check(string), pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=2 ** 62):
        return self._match(string, self._check(string), pos, endpos, 2)

    def finditer(self, string, pos=0, endpos=2 ** 62):
        """Matches left to right; an empty match is not allowed where the
        previous (empty) match ended (Python 3.7+)."""
        text = self._check(string)
        n = len(text)
        endpos = min(endpos, n)
        last_empty = -1
        while pos <= endpos:
            m = self._match(string, text, pos, endpos, 0)
            if m is None:
                return
            s, e = m.span()
            if s == e == last_empty:
                pos = s + 1
                continue
            yield m
            if s == e:
                last_empty = e
            pos = e

    def findall(self, string, pos=0, endpos=2 ** 62):
        out = []
        g = self.groups
        for m in self.finditer(string, pos, endpos):
            if g == 0:
                out.append(m.group(0))
            elif g == 1:
                out.append(m.group(1) if m.start(1) >= 0 else string[:0])
            else:
                out.append(m.groups(string[:0]))
        return out

    def split(self, string, maxsplit=0):
        out = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if maxsplit and n >= maxsplit:
                break
            s, e = m.span()
            out.append(string[last:s])
            out.extend(m.groups())
            last = e
            n += 1
        out.append(string[last:])
        return out

    def subn(self, repl, string, count=0):
        if callable(repl):
            expand = repl
        else:
            template = _compile_template(self, repl)
            if len(template) == 1 and not isinstance(template[0], int):
                literal = template[0]
                expand = lambda m: literal
            else:
                expand = lambda m: _expand(m, template)
        pieces = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if count and n >= count:
                break
            s, e = m.span()
            pieces.append(string[last:s])
            r = expand(m)
            if r is None:
                r = string[:0]
            pieces.append(r)
            last = e
            n += 1
        pieces.append(string[last:])
        return string[:0].join(pieces), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def __repr__(self):
        flags = self.flags & ~UNICODE if not self._bytes else self.flags
        if flags:
            return f"re.compile({self.pattern!r}, {RegexFlag(flags)!r})"
        return f"re.compile({self.pattern!r})"

    def __eq__(self, other):
        return isinstance(other, Pattern) and self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, int(self.flags)))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _compile_template(pattern, repl):
    """repl as a list of literal strings and group numbers."""
    is_bytes = not isinstance(repl, str)
    text = _as_text(repl)
    if is_bytes != pattern._bytes:
        raise TypeError("expected %s, got '%s'" % ("a bytes-like object" if pattern._bytes else "str",
                                                   type(repl).__name__))
    parts = []
    lit = []
    i = 0
    n = len(text)
    while i < n:
        b = text.find("\\", i)
        if b < 0:
            lit.append(text[i:])
            break
        lit.append(text[i:b])
        if b + 1 >= n:
            raise error("bad escape (end of pattern)", repl, b)
        c = text[b + 1]
        i = b + 2
        group = None
        if c == "g":
            if not text.startswith("<", i):
                raise error("missing <", repl, i)
            close = text.find(">", i)
            if close < 0:
                raise error("missing >, unterminated name", repl, i + 1)
            name = text[i + 1:close]
            if not name:
                raise error("missing group name", repl, i + 1)
            if name.isdigit() and name.isascii():
                group = int(name)
                if group > pattern.groups:
                    raise error("invalid group reference %d" % group, repl, i + 1)
            elif name.isidentifier():
                if name not in pattern.groupindex:
                    raise IndexError("unknown group name %r" % name)
                group = pattern.groupindex[name]
            else:
                raise error("bad character in group name %r" % name, repl, i + 1)
            i = close + 1
        elif c == "0":
            j = i
            while j < n and j < i + 2 and text[j] in _OCT:
                j += 1
            lit.append(chr(int(text[b + 1:j], 8)))
            i = j
        elif c.isdigit() and c.isascii():
            j = i
            if j < n and text[j].isdigit():
                j += 1
            if j - b == 3 and j < n and text[j] in _OCT and c in _OCT and text[j - 1] in _OCT:
                lit.append(chr(int(text[b + 1:j + 1], 8)))
                i = j + 1
                continue
            group = int(text[b + 1:j])
            if group > pattern.groups:
                raise error("invalid group reference %d" % group, repl, b + 1)
            i = j
        elif c in _SIMPLE_ESCAPES or c == "b":
            lit.append("\b" if c == "b" else _SIMPLE_ESCAPES[c])
        elif c.isascii() and c.isalpha():
            raise error("bad escape \\" + c, repl, b)
        else:
            lit.append("\\" + c)
        if group is not None:
            parts.append("".join(lit))
            lit = []
            parts.append(group)
    parts.append("".join(lit))
    if is_bytes:
        parts = [p if isinstance(p, int) else p.encode("latin-1") for p in parts]
    return [p for p in parts if isinstance(p, int) or p]


def _expand(m, template):
    empty = m.string[:0]
    out = []
    for p in template:
        if isinstance(p, int):
            g = m.group(p)
            out.append(empty if g is None else g)
        else:
            out.append(p)
    return empty.join(out)


class Match:
    """The result of a successful match."""

    def __init__(self, pattern, string, spans, pos, endpos):
        self.re = pattern
        self.string = string
        self._spans = spans
        self.pos = pos
        self.endpos = endpos

    def _index(self, g):
        if isinstance(g, int) and not isinstance(g, bool) or hasattr(g, "__index__") and not isinstance(g, str):
            try:
                g = g.__index__()
            except Exception:
                raise IndexError("no such group")
            if 0 <= g <= self.re.groups:
                return g
            raise IndexError("no such group")
        idx = self.re.groupindex.get(g) if isinstance(g, str) else None
        if idx is None:
            raise IndexError("no such group")
        return idx

    def _get(self, i, default=None):
        s = self._spans[2 * i]
        if s < 0:
            return default
        return self.string[s:self._spans[2 * i + 1]]

    def group(self, *groups):
        if not groups:
            return self._get(0)
        if len(groups) == 1:
            return self._get(self._index(groups[0]))
        return tuple(self._get(self._index(g)) for g in groups)

    def __getitem__(self, g):
        return self._get(self._index(g))

    def groups(self, default=None):
        return tuple(self._get(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(i, default) for name, i in self.re.groupindex.items()}

    def start(self, group=0):
        return self._spans[2 * self._index(group)]

    def end(self, group=0):
        return self._spans[2 * self._index(group) + 1]

    def span(self, group=0):
        i = self._index(group)
        return self._spans[2 * i], self._spans[2 * i + 1]

    def expand(self, template):
        return _expand(self, _compile_template(self.re, template))

    @property
    def lastindex(self):
        best = None
        best_end = -1
        for i in range(1, self.re.groups + 1):
            e = self._spans[2 * i + 1]
            if e >= 0 and e >= best_end:
                # The last group to close: the largest end; among equal ends,
                # the outermost (smallest index) closes last.
                if e > best_end:
                    best, best_end = i, e
        return best

    @property
    def lastgroup(self):
        li = self.lastindex
        if li is None:
            return None
        for name, i in self.re.groupindex.items():
            if i == li:
                return name
        return None

    @property
    def regs(self):
        return tuple(self.span(i) for i in range(self.re.groups + 1))

    def __bool__(self):
        return True

    def __repr__(self):
        return "<re.Match object; span=%r, match=%r>" % (self.span(), self.group())

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


# ---------------------------------------------------------------- module API

_cache = {}
_MAXCACHE = 512


def compile(pattern, flags=0):
    """Compile a regular expression pattern, returning a Pattern object."""
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    key = (type(pattern), pattern, int(flags))
    p = _cache.get(key)
    if p is None:
        p = Pattern(pattern, flags)
        if len(_cache) >= _MAXCACHE:
            _cache.clear()
        _cache[key] = p
    return p


def purge():
    """Clear the regular expression cache."""
    _cache.clear()


def match(pattern, string, flags=0):
    return compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return compile(pattern, flags).finditer(string)


_SPECIAL = frozenset("()[]{}?*+-|^$\\.&~# \t\n\r\v\f")


def escape(pattern):
    """Escape special characters in a string (or bytes)."""
    if isinstance(pattern, str):
        return "".join(["\\" + c if c in _SPECIAL else c for c in pattern])
    return escape(bytes(pattern).decode("latin-1")).encode("latin-1")
