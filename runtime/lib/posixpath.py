"""os.path on POSIX: path strings, and file tests over `posix.stat`."""

import posix

sep = "/"
curdir = "."
pardir = ".."
extsep = "."
pathsep = ":"
defpath = "/bin:/usr/bin"
altsep = None
devnull = "/dev/null"
supports_unicode_filenames = False

_S_IFMT = 0o170000
_S_IFDIR = 0o040000
_S_IFREG = 0o100000
_S_IFLNK = 0o120000


def _fspath(p):
    if isinstance(p, str):
        return p
    f = getattr(type(p), "__fspath__", None)
    if f is None:
        raise TypeError("expected str, bytes or os.PathLike object, not " + type(p).__name__)
    return f(p)


def normcase(s):
    return _fspath(s)


def isabs(s):
    return _fspath(s).startswith("/")


def join(a, *p):
    path = _fspath(a)
    for b in map(_fspath, p):
        if b.startswith("/"):
            path = b
        elif not path or path.endswith("/"):
            path += b
        else:
            path += "/" + b
    return path


def split(p):
    p = _fspath(p)
    i = p.rfind("/") + 1
    head, tail = p[:i], p[i:]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head, tail


def splitext(p):
    p = _fspath(p)
    sep_index = p.rfind("/")
    dot_index = p.rfind(".")
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index] != ".":
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, ""


def splitdrive(p):
    return "", _fspath(p)


def basename(p):
    p = _fspath(p)
    return p[p.rfind("/") + 1:]


def dirname(p):
    p = _fspath(p)
    head = p[:p.rfind("/") + 1]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head


def normpath(path):
    path = _fspath(path)
    if not path:
        return "."
    initial_slashes = 2 if path.startswith("//") and not path.startswith("///") else 1 if path.startswith("/") else 0
    comps = []
    for comp in path.split("/"):
        if comp in ("", "."):
            continue
        if comp != ".." or (not initial_slashes and not comps) or (comps and comps[-1] == ".."):
            comps.append(comp)
        elif comps:
            comps.pop()
    path = "/" * initial_slashes + "/".join(comps)
    return path or "."


def abspath(path):
    path = _fspath(path)
    if not isabs(path):
        path = join(posix.getcwd(), path)
    return normpath(path)


def realpath(filename, *, strict=False):
    """The canonical path: symbolic links resolved, `.`/`..` removed."""
    rest = [p for p in abspath(filename).split("/") if p]
    resolved = "/"
    links = 0
    while rest:
        part = rest.pop(0)
        if part == ".":
            continue
        if part == "..":
            resolved = dirname(resolved) or "/"
            continue
        candidate = join(resolved, part)
        try:
            target = posix.readlink(candidate)
        except OSError:
            if strict and not lexists(candidate):
                raise
            resolved = candidate
            continue
        links += 1
        if links > 40:
            if strict:
                raise OSError(40, "Too many levels of symbolic links", candidate)
            return join(candidate, *rest)
        if target.startswith("/"):
            resolved = "/"
        rest = [p for p in target.split("/") if p] + rest
    return resolved


def relpath(path, start=None):
    if not path:
        raise ValueError("no path specified")
    start = curdir if start is None else start
    start_list = [x for x in abspath(start).split("/") if x]
    path_list = [x for x in abspath(path).split("/") if x]
    i = 0
    for a, b in zip(start_list, path_list):
        if a != b:
            break
        i += 1
    rel_list = [pardir] * (len(start_list) - i) + path_list[i:]
    return join(*rel_list) if rel_list else curdir


def commonprefix(m):
    if not m:
        return ""
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def commonpath(paths):
    paths = [_fspath(p) for p in paths]
    if not paths:
        raise ValueError("commonpath() arg is an empty sequence")
    if len({p.startswith("/") for p in paths}) > 1:
        raise ValueError("Can't mix absolute and relative paths")
    split_paths = [[c for c in p.split("/") if c and c != "."] for p in paths]
    s1 = min(split_paths)
    s2 = max(split_paths)
    common = s1
    for i, c in enumerate(s1):
        if c != s2[i]:
            common = s1[:i]
            break
    return ("/" if paths[0].startswith("/") else "") + "/".join(common)


def expanduser(path):
    path = _fspath(path)
    if not path.startswith("~"):
        return path
    i = path.find("/", 1)
    if i < 0:
        i = len(path)
    if i == 1:
        home = posix.environ.get("HOME")
        if home is None:
            return path
    else:
        name = path[1:i]
        home = None
        try:
            with open("/etc/passwd") as f:
                for line in f:
                    fields = line.split(":")
                    if fields[0] == name and len(fields) > 5:
                        home = fields[5]
                        break
        except OSError:
            pass
        if home is None:
            return path
    home = home.rstrip("/")
    return (home + path[i:]) or "/"


def expandvars(path):
    path = _fspath(path)
    if "$" not in path:
        return path
    out = []
    i = 0
    n = len(path)
    while i < n:
        c = path[i]
        if c != "$" or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        if path[i + 1] == "{":
            j = path.find("}", i + 2)
            if j < 0:
                out.append(path[i:])
                break
            name = path[i + 2:j]
            end = j + 1
        else:
            j = i + 1
            while j < n and (path[j].isalnum() or path[j] == "_"):
                j += 1
            name = path[i + 1:j]
            end = j
        if name and name in posix.environ:
            out.append(posix.environ[name])
        else:
            out.append(path[i:end])
        i = end
    return "".join(out)


def _mode(path, follow=True):
    try:
        return posix.stat(_fspath(path), follow_symlinks=follow)[0]
    except (OSError, ValueError):
        return None


def exists(path):
    return _mode(path) is not None


def lexists(path):
    return _mode(path, False) is not None


def isdir(s):
    m = _mode(s)
    return m is not None and m & _S_IFMT == _S_IFDIR


def isfile(path):
    m = _mode(path)
    return m is not None and m & _S_IFMT == _S_IFREG


def islink(path):
    m = _mode(path, False)
    return m is not None and m & _S_IFMT == _S_IFLNK


def ismount(path):
    try:
        s1 = posix.lstat(_fspath(path))
    except (OSError, ValueError):
        return False
    if s1[0] & _S_IFMT == _S_IFLNK:
        return False
    try:
        s2 = posix.lstat(join(_fspath(path), ".."))
    except OSError:
        return False
    return s1[2] != s2[2] or s1[1] == s2[1]


def getsize(filename):
    return posix.stat(_fspath(filename))[6]


def getatime(filename):
    return posix.stat(_fspath(filename))[7]


def getmtime(filename):
    return posix.stat(_fspath(filename))[8]


def getctime(filename):
    return posix.stat(_fspath(filename))[9]


def samefile(f1, f2):
    s1 = posix.stat(_fspath(f1))
    s2 = posix.stat(_fspath(f2))
    return s1[1] == s2[1] and s1[2] == s2[2]
