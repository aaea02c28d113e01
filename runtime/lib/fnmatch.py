"""fnmatch for pyfast: Unix shell-style wildcards (`*`, `?`, `[seq]`,
`[!seq]`) matched by translating the pattern into a regular expression."""

import os
import posixpath
import re

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]

_cache = {}


def fnmatch(name, pat):
    """Test whether `name` matches `pat`, after os.path.normcase of both."""
    name = os.path.normcase(name)
    pat = os.path.normcase(pat)
    return fnmatchcase(name, pat)


def _compile(pat):
    key = (type(pat), pat)
    m = _cache.get(key)
    if m is None:
        if isinstance(pat, bytes):
            res = translate(str(pat, "latin-1"))
            m = re.compile(res.encode("latin-1")).match
        else:
            m = re.compile(translate(pat)).match
        if len(_cache) >= 256:
            _cache.clear()
        _cache[key] = m
    return m


def filter(names, pat):
    """The subset of `names` that match `pat`."""
    pat = os.path.normcase(pat)
    match = _compile(pat)
    result = []
    for name in names:
        if match(os.path.normcase(name)):
            result.append(name)
    return result


def fnmatchcase(name, pat):
    """Test whether `name` matches `pat`, case-sensitively."""
    return _compile(pat)(name) is not None


def translate(pat):
    """The regular expression (a string) that matches what `pat` matches."""
    i = 0
    n = len(pat)
    out = []
    while i < n:
        c = pat[i]
        i += 1
        if c == "*":
            if not out or out[-1] != ".*":
                out.append(".*")
        elif c == "?":
            out.append(".")
        elif c == "[":
            j = i
            if j < n and pat[j] == "!":
                j += 1
            if j < n and pat[j] == "]":
                j += 1
            while j < n and pat[j] != "]":
                j += 1
            if j >= n:
                out.append("\\[")
                continue
            stuff = pat[i:j]
            i = j + 1
            if stuff.startswith("!"):
                neg = True
                stuff = stuff[1:]
            else:
                neg = False
            if not stuff:
                out.append("(?!)" if not neg else ".")
                continue
            stuff = stuff.replace("\\", "\\\\")
            # Escape set operations and a leading caret literally.
            stuff = stuff.replace("&&", "\\&\\&").replace("~~", "\\~\\~").replace("||", "\\|\\|")
            stuff = stuff.replace("[", "\\[")
            if stuff[0] == "^":
                stuff = "\\" + stuff
            out.append("[" + ("^" if neg else "") + stuff + "]")
        else:
            out.append(re.escape(c))
    return "(?s:" + "".join(out) + ")\\Z"
