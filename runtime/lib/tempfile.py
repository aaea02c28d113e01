"""Temporary files and directories with unique names, created safely
(exclusively) and removed when asked or when their context ends."""

import os
import shutil as _shutil

__all__ = ["NamedTemporaryFile", "TemporaryFile", "SpooledTemporaryFile", "TemporaryDirectory", "mkstemp",
           "mkdtemp", "mktemp", "TMP_MAX", "gettempprefix", "tempdir", "gettempdir", "gettempprefixb"]

TMP_MAX = 10000
template = "tmp"
tempdir = None

_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789_"


def _random_name():
    data = os.urandom(8)
    return "".join(_CHARACTERS[b % len(_CHARACTERS)] for b in data)


def gettempprefix():
    return template


def gettempprefixb():
    return template.encode()


def _candidate_dirs():
    for env in ("TMPDIR", "TEMP", "TMP"):
        d = os.environ.get(env)
        if d:
            yield d
    yield from ("/tmp", "/var/tmp", "/usr/tmp")
    yield os.getcwd()


def gettempdir():
    """The directory temporary files go in (TMPDIR, else /tmp, ...)."""
    global tempdir
    if tempdir is None:
        for d in _candidate_dirs():
            d = os.path.abspath(d)
            if os.path.isdir(d) and os.access(d, os.W_OK | os.X_OK):
                tempdir = d
                break
        else:
            raise FileNotFoundError(2, "No usable temporary directory found in %s" % list(_candidate_dirs()))
    return tempdir


def _sanitize(suffix, prefix, dir):
    return ("" if suffix is None else suffix, template if prefix is None else prefix,
            gettempdir() if dir is None else os.fspath(dir))


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    """Create a new file exclusively (mode 0o600); return (fd, path)."""
    suffix, prefix, dir = _sanitize(suffix, prefix, dir)
    for _ in range(TMP_MAX):
        name = os.path.join(dir, prefix + _random_name() + suffix)
        try:
            fd = os.open(name, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        except FileExistsError:
            continue
        return fd, os.path.abspath(name)
    raise FileExistsError(17, "No usable temporary file name found")


def _create_file(suffix, prefix, dir, mode, **kw):
    fd, name = mkstemp(suffix, prefix, dir)
    try:
        return open(fd, mode, **kw), name
    except BaseException:
        os.unlink(name)
        os.close(fd)
        raise


def mkdtemp(suffix=None, prefix=None, dir=None):
    """Create a new directory (mode 0o700) exclusively; return its path."""
    suffix, prefix, dir = _sanitize(suffix, prefix, dir)
    for _ in range(TMP_MAX):
        name = os.path.join(dir, prefix + _random_name() + suffix)
        try:
            os.mkdir(name, 0o700)
        except FileExistsError:
            continue
        return os.path.abspath(name)
    raise FileExistsError(17, "No usable temporary directory name found")


def mktemp(suffix="", prefix=template, dir=None):
    """A name that did not exist when asked (unsafe: use mkstemp)."""
    if dir is None:
        dir = gettempdir()
    for _ in range(TMP_MAX):
        name = os.path.join(dir, prefix + _random_name() + suffix)
        if not os.path.lexists(name):
            return name
    raise FileExistsError(17, "No usable temporary filename found")


class _TemporaryFileWrapper:
    """A file object that also has `name` and removes the file when closed
    (if delete is true)."""

    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete
        self._closed = False

    def __getattr__(self, name):
        return getattr(self.__dict__["file"], name)

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        self.close()
        return False

    def __iter__(self):
        return iter(self.file)

    def close(self):
        if not self._closed:
            self._closed = True
            self.file.close()
            if self.delete:
                try:
                    os.unlink(self.name)
                except FileNotFoundError:
                    pass

    @property
    def closed(self):
        return self.file.closed

    def __del__(self):
        self.close()

    def __repr__(self):
        return "<tempfile._TemporaryFileWrapper file=%r>" % (self.file,)


def NamedTemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None, suffix=None, prefix=None, dir=None,
                       delete=True, *, errors=None):
    kw = {}
    if "b" not in mode:
        kw = {"encoding": encoding, "newline": newline, "errors": errors}
    f, name = _create_file(suffix, prefix, dir, mode, **kw)
    return _TemporaryFileWrapper(f, name, delete)


def TemporaryFile(mode="w+b", buffering=-1, encoding=None, newline=None, suffix=None, prefix=None, dir=None, *,
                  errors=None):
    """An anonymous file: created, then unlinked at once (the open file
    keeps working)."""
    kw = {}
    if "b" not in mode:
        kw = {"encoding": encoding, "newline": newline, "errors": errors}
    f, name = _create_file(suffix, prefix, dir, mode, **kw)
    os.unlink(name)
    return f


SpooledTemporaryFile = TemporaryFile


class TemporaryDirectory:
    """A directory made by mkdtemp, removed with its contents at the end
    of a `with` block (or by cleanup())."""

    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors
        self._done = False

    def __repr__(self):
        return "<{} {!r}>".format(self.__class__.__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        self.cleanup()

    def cleanup(self):
        if not self._done and os.path.exists(self.name):
            self._done = True
            _shutil.rmtree(self.name, ignore_errors=self._ignore_cleanup_errors)
