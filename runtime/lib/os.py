"""os for pyfast: CPython's API over `posix` (the system calls) and
`posixpath` (os.path)."""

import posix
import posixpath as path
import sys as _sys
from posix import (
    F_OK, R_OK, W_OK, X_OK, O_APPEND, O_CLOEXEC, O_CREAT, O_DIRECTORY, O_EXCL, O_NOFOLLOW, O_NONBLOCK,
    O_RDONLY, O_RDWR, O_TRUNC, O_WRONLY, close, lseek, read, write,
    access, chdir, chmod, cpu_count, getcwd, getegid, geteuid, getgid, getpid, getppid, getuid,
    isatty, listdir, lstat, readlink, remove, rename, replace, rmdir, strerror, symlink, umask,
    unlink, urandom, utime, _exit,
)

name = "posix"
sep = "/"
altsep = None
extsep = "."
pathsep = ":"
linesep = "\n"
curdir = "."
pardir = ".."
defpath = "/bin:/usr/bin"
devnull = "/dev/null"

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

error = OSError

# `import os.path` finds it here (os is not a package).
_sys.modules["os.path"] = path


class stat_result(tuple):
    """The result of stat(): a 10-tuple (times as whole seconds) whose
    attributes also give float times, nanoseconds and block sizes."""

    n_sequence_fields = 10
    n_fields = 16
    n_unnamed_fields = 3

    def __new__(cls, raw):
        raw = tuple(raw)
        self = tuple.__new__(cls, raw[:7] + (int(raw[7]), int(raw[8]), int(raw[9])))
        self._raw = raw
        return self

    st_mode = property(lambda self: self._raw[0])
    st_ino = property(lambda self: self._raw[1])
    st_dev = property(lambda self: self._raw[2])
    st_nlink = property(lambda self: self._raw[3])
    st_uid = property(lambda self: self._raw[4])
    st_gid = property(lambda self: self._raw[5])
    st_size = property(lambda self: self._raw[6])
    st_atime = property(lambda self: self._raw[7])
    st_mtime = property(lambda self: self._raw[8])
    st_ctime = property(lambda self: self._raw[9])
    st_atime_ns = property(lambda self: self._raw[10])
    st_mtime_ns = property(lambda self: self._raw[11])
    st_ctime_ns = property(lambda self: self._raw[12])
    st_blksize = property(lambda self: self._raw[13])
    st_blocks = property(lambda self: self._raw[14])
    st_rdev = property(lambda self: self._raw[15])

    def __repr__(self):
        names = ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
                 "st_atime", "st_mtime", "st_ctime")
        return "os.stat_result(%s)" % ", ".join("%s=%r" % (n, v) for n, v in zip(names, self))

    def __reduce__(self):
        return (stat_result, (self._raw,))


def open(path, flags, mode=0o777, *, dir_fd=None):
    """Open a file descriptor (low level; see the built-in open)."""
    return posix.open(fspath(path), flags, mode)


def fdopen(fd, mode="r", buffering=-1, encoding=None, *args, **kwargs):
    import io
    return io.open(fd, mode, buffering, encoding, *args, **kwargs)


def fspath(p):
    """Return the file system representation of the path."""
    if isinstance(p, (str, bytes)):
        return p
    t = type(p)
    try:
        f = t.__fspath__
    except AttributeError:
        raise TypeError("expected str, bytes or os.PathLike object, not " + t.__name__) from None
    r = f(p)
    if isinstance(r, (str, bytes)):
        return r
    raise TypeError("expected %s.__fspath__() to return str or bytes, not %s" % (t.__name__, type(r).__name__))


class PathLike:
    """Abstract base class for implementing the file system path protocol."""

    @classmethod
    def __subclasshook__(cls, subclass):
        return hasattr(subclass, "__fspath__") or NotImplemented


def stat(path, *, follow_symlinks=True):
    return stat_result(posix.stat(fspath(path), follow_symlinks=follow_symlinks))


def lstat(path):
    return stat_result(posix.lstat(fspath(path)))


def mkdir(path, mode=0o777):
    posix.mkdir(fspath(path), mode)


def makedirs(name, mode=0o777, exist_ok=False):
    """Make a directory and any missing parents (like `mkdir -p`)."""
    name = fspath(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, mode, exist_ok=exist_ok)
        except FileExistsError:
            pass
        if tail == curdir:
            return
    try:
        posix.mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


class DirEntry:
    """An entry of scandir(): its name, path, and cached stat results."""

    def __init__(self, directory, name):
        self.name = name
        self.path = path.join(directory, name)
        self._stat = None
        self._lstat = None

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return "<DirEntry %r>" % self.name

    def stat(self, *, follow_symlinks=True):
        if not follow_symlinks:
            if self._lstat is None:
                self._lstat = lstat(self.path)
            return self._lstat
        if self._stat is None:
            self._stat = stat(self.path)
        return self._stat

    def _mode(self, follow_symlinks):
        try:
            return self.stat(follow_symlinks=follow_symlinks).st_mode
        except FileNotFoundError:
            return 0

    def is_dir(self, *, follow_symlinks=True):
        return self._mode(follow_symlinks) & 0o170000 == 0o040000

    def is_file(self, *, follow_symlinks=True):
        return self._mode(follow_symlinks) & 0o170000 == 0o100000

    def is_symlink(self):
        return self._mode(False) & 0o170000 == 0o120000

    def inode(self):
        return self.stat(follow_symlinks=False).st_ino


class _ScandirIterator:
    def __init__(self, directory):
        self._dir = directory
        self._names = iter(listdir(directory))

    def __iter__(self):
        return self

    def __next__(self):
        return DirEntry(self._dir, next(self._names))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._names = iter(())

    def close(self):
        self._names = iter(())


def scandir(path="."):
    return _ScandirIterator(fspath(path))


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Directory tree generator: (dirpath, dirnames, filenames) per
    directory; with topdown, pruning dirnames in place skips those."""
    top = fspath(top)
    try:
        entries = list(scandir(top))
    except OSError as e:
        if onerror is not None:
            onerror(e)
        return
    dirs, files = [], []
    for entry in entries:
        (dirs if entry.is_dir() else files).append(entry.name)
    if topdown:
        yield top, dirs, files
        for d in dirs:
            new = path.join(top, d)
            if followlinks or not path.islink(new):
                yield from walk(new, topdown, onerror, followlinks)
    else:
        for d in dirs:
            new = path.join(top, d)
            if followlinks or not path.islink(new):
                yield from walk(new, topdown, onerror, followlinks)
        yield top, dirs, files


class _Environ(dict):
    """os.environ: a dict whose changes reach the process environment."""

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError("str expected, not " + type(key).__name__)
        if not isinstance(value, str):
            raise TypeError("str expected, not " + type(value).__name__)
        posix.putenv(key, value)
        dict.__setitem__(self, key, value)

    def __delitem__(self, key):
        dict.__delitem__(self, key)
        posix.unsetenv(key)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def pop(self, key, *default):
        if key in self:
            value = dict.__getitem__(self, key)
            del self[key]
            return value
        if default:
            return default[0]
        raise KeyError(key)

    def update(self, other=(), **kw):
        items = other.items() if hasattr(other, "items") else other
        for k, v in items:
            self[k] = v
        for k, v in kw.items():
            self[k] = v

    def copy(self):
        return dict(self)

    def __repr__(self):
        return "environ(" + dict.__repr__(self) + ")"


environ = _Environ(posix.environ)


def getenv(key, default=None):
    return environ.get(key, default)


def putenv(key, value):
    posix.putenv(key, value)


def unsetenv(key):
    posix.unsetenv(key)


def get_exec_path(env=None):
    return (environ if env is None else env).get("PATH", defpath).split(pathsep)


def getlogin():
    return environ.get("LOGNAME") or environ.get("USER") or ""


class terminal_size(tuple):
    """The (columns, lines) of a terminal."""

    def __new__(cls, size):
        return tuple.__new__(cls, tuple(size))

    columns = property(lambda self: self[0])
    lines = property(lambda self: self[1])

    def __repr__(self):
        return "os.terminal_size(columns=%d, lines=%d)" % self


def get_terminal_size(fd=1):
    return terminal_size(posix.get_terminal_size(fd))
