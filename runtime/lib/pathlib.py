"""pathlib for pyfast: object-oriented POSIX paths over `os` and
`os.path`. Only the POSIX flavour exists (PurePath is PurePosixPath, Path
is PosixPath)."""

import fnmatch
import os
import posixpath
import re

__all__ = ["PurePath", "PurePosixPath", "Path", "PosixPath"]


def _parse(args):
    """(root, parts) of the path made by joining `args`."""
    strings = []
    for a in args:
        if isinstance(a, PurePath):
            strings.append(str(a))
            continue
        a = os.fspath(a)
        if isinstance(a, bytes):
            raise TypeError(
                "argument should be a str object or an os.PathLike object "
                "returning str, not %r" % type(a))
        if not isinstance(a, str):
            raise TypeError(
                "argument should be a str object or an os.PathLike object "
                "returning str, not %r" % type(a))
        strings.append(a)
    root = ""
    parts = []
    for s in strings:
        if s.startswith("/"):
            parts = []
            if s.startswith("//") and not s.startswith("///"):
                root = "//"
            else:
                root = "/"
        for piece in s.split("/"):
            if piece and piece != ".":
                parts.append(piece)
    return root, parts


class _PathParents:
    """The logical ancestors of a path, as a sequence."""

    def __init__(self, path):
        self._path = path
        self._n = len(path._parts)

    def __len__(self):
        return self._n

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return tuple(self[i] for i in range(*idx.indices(len(self))))
        if idx >= len(self) or idx < -len(self):
            raise IndexError(idx)
        if idx < 0:
            idx += len(self)
        p = self._path
        return p._from_parsed(p._root, p._parts[:-idx - 1])

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def __repr__(self):
        return "<{}.parents>".format(type(self._path).__name__)


class PurePath:
    """A path of the POSIX flavour, without file-system access."""

    __slots__ = ("_root", "_parts", "_str", "_hash")

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        return cls._from_args(args)

    @classmethod
    def _from_args(cls, args):
        root, parts = _parse(args)
        return cls._from_parsed(root, parts)

    @classmethod
    def _from_parsed(cls, root, parts):
        self = object.__new__(cls)
        self._root = root
        self._parts = list(parts)
        self._str = None
        self._hash = None
        return self

    def _make(self, root, parts):
        return type(self)._from_parsed(root, parts)

    def __reduce__(self):
        return (type(self), tuple(self.parts))

    def __str__(self):
        if self._str is None:
            self._str = (self._root + "/".join(self._parts)) or "."
        return self._str

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self)

    def __bytes__(self):
        return os.fsencode(str(self)) if hasattr(os, "fsencode") else str(self).encode()

    def __repr__(self):
        return "{}({!r})".format(type(self).__name__, self.as_posix())

    def as_uri(self):
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        out = []
        for ch in str(self).encode("utf-8"):
            c = chr(ch)
            if c.isalnum() and ch < 128 or c in "/-._~!$&'()*+,;=:@":
                out.append(c)
            else:
                out.append("%%%02X" % ch)
        return "file://" + "".join(out)

    def _key(self):
        return ([self._root] if self._root else []) + self._parts

    def __hash__(self):
        if self._hash is None:
            self._hash = hash(tuple(self._key()))
        return self._hash

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() == other._key()

    def __lt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() >= other._key()

    @property
    def drive(self):
        return ""

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._root

    @property
    def parts(self):
        return tuple(self._key())

    @property
    def name(self):
        if not self._parts:
            return ""
        return self._parts[-1]

    @property
    def suffix(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[i:]
        return ""

    @property
    def suffixes(self):
        name = self.name
        if name.endswith("."):
            return []
        name = name.lstrip(".")
        return ["." + s for s in name.split(".")[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    @property
    def parent(self):
        if not self._parts:
            return self
        return self._make(self._root, self._parts[:-1])

    @property
    def parents(self):
        return _PathParents(self)

    def with_name(self, name):
        if not self.name:
            raise ValueError("%r has an empty name" % (self,))
        if not name or name.endswith("/") or "/" in name or name == ".":
            raise ValueError("Invalid name %r" % (name,))
        return self._make(self._root, self._parts[:-1] + [name])

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if "/" in suffix or suffix and not suffix.startswith(".") or suffix == ".":
            raise ValueError("Invalid suffix %r" % (suffix,))
        name = self.name
        if not name:
            raise ValueError("%r has an empty name" % (self,))
        old = self.suffix
        if not old:
            name = name + suffix
        else:
            name = name[:-len(old)] + suffix
        return self._make(self._root, self._parts[:-1] + [name])

    def joinpath(self, *args):
        root, parts = _parse((self,) + args)
        return self._make(root, parts)

    def __truediv__(self, key):
        try:
            return self.joinpath(key)
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return type(self)(key, self)
        except TypeError:
            return NotImplemented

    def is_absolute(self):
        return bool(self._root)

    def is_reserved(self):
        return False

    def relative_to(self, *other):
        if not other:
            raise TypeError("need at least one argument")
        base = type(self)(*other)
        k, bk = self._key(), base._key()
        if k[:len(bk)] != bk or (not bk and self._root):
            raise ValueError(
                "{!r} is not in the subpath of {!r} OR one path is relative "
                "and the other is absolute.".format(str(self), str(base)))
        return self._make("", k[len(bk):])

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    def match(self, path_pattern):
        pat = type(self)(path_pattern)
        if not pat._key():
            raise ValueError("empty pattern")
        pparts = pat._key()
        parts = self._key()
        if pat._root:
            if len(parts) != len(pparts):
                return False
        elif len(pparts) > len(parts):
            return False
        for part, p in zip(reversed(parts), reversed(pparts)):
            if not fnmatch.fnmatchcase(part, p):
                return False
        return True


class PurePosixPath(PurePath):
    __slots__ = ()


def _is_wild(part):
    return "*" in part or "?" in part or "[" in part


class Path(PurePath):
    """A POSIX path with the file-system operations."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        return cls._from_args(args)

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls(os.path.expanduser("~"))

    def stat(self, *, follow_symlinks=True):
        return os.stat(self, follow_symlinks=follow_symlinks)

    def lstat(self):
        return os.lstat(self)

    def _mode(self, follow=True):
        try:
            return os.stat(self, follow_symlinks=follow).st_mode
        except (OSError, ValueError):
            return None

    def exists(self):
        return self._mode() is not None

    def is_dir(self):
        m = self._mode()
        return m is not None and m & 0o170000 == 0o040000

    def is_file(self):
        m = self._mode()
        return m is not None and m & 0o170000 == 0o100000

    def is_symlink(self):
        m = self._mode(False)
        return m is not None and m & 0o170000 == 0o120000

    def is_mount(self):
        return os.path.ismount(self)

    def samefile(self, other_path):
        st = self.stat()
        try:
            other = other_path.stat()
        except AttributeError:
            other = os.stat(other_path)
        return st.st_ino == other.st_ino and st.st_dev == other.st_dev

    def iterdir(self):
        for name in os.listdir(self):
            yield self._make(self._root, self._parts + [name])

    def _child(self, name):
        return self._make(self._root, self._parts + [name])

    def _select(self, path, pats, seen):
        if not pats:
            if path not in seen:
                seen.add(path)
                yield path
            return
        pat, rest = pats[0], pats[1:]
        if pat == "**":
            for d in self._walk_dirs(path):
                yield from self._select(d, rest, seen)
        elif pat == "..":
            yield from self._select(path._child(".."), rest, seen)
        elif not _is_wild(pat):
            child = path._child(pat)
            if rest:
                if child.is_dir():
                    yield from self._select(child, rest, seen)
            elif child.exists() or child.is_symlink():
                yield from self._select(child, rest, seen)
        else:
            try:
                with os.scandir(path) as it:
                    entries = list(it)
            except OSError:
                return
            for entry in entries:
                if rest:
                    try:
                        if not entry.is_dir():
                            continue
                    except OSError:
                        continue
                if fnmatch.fnmatchcase(entry.name, pat):
                    yield from self._select(path._child(entry.name), rest, seen)

    def _walk_dirs(self, path):
        yield path
        try:
            with os.scandir(path) as it:
                entries = list(it)
        except OSError:
            return
        for entry in entries:
            try:
                if entry.is_dir() and not entry.is_symlink():
                    yield from self._walk_dirs(path._child(entry.name))
            except OSError:
                pass

    def glob(self, pattern):
        if not pattern:
            raise ValueError("Unacceptable pattern: {!r}".format(pattern))
        pat = PurePosixPath(pattern)
        if pat._root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        yield from self._select(self, pat._parts, set())

    def rglob(self, pattern):
        pat = PurePosixPath(pattern)
        if pat._root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        yield from self._select(self, ["**"] + pat._parts, set())

    def absolute(self):
        if self.is_absolute():
            return self
        return type(self)(os.getcwd(), self)

    def resolve(self, strict=False):
        s = os.path.realpath(self)
        p = type(self)(s)
        if strict:
            p.stat()
        return p

    def expanduser(self):
        if not self._root and self._parts and self._parts[0][:1] == "~":
            home = os.path.expanduser(self._parts[0])
            if home[:1] == "~":
                raise RuntimeError("Could not determine home directory.")
            return type(self)(home, *self._parts[1:])
        return self

    def readlink(self):
        return type(self)(os.readlink(self))

    def open(self, mode="r", buffering=-1, encoding=None, errors=None, newline=None):
        return open(str(self), mode, buffering, encoding, errors, newline)

    def read_text(self, encoding=None, errors=None):
        with self.open("r", encoding=encoding, errors=errors) as f:
            return f.read()

    def read_bytes(self):
        with self.open("rb") as f:
            return f.read()

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError("data must be str, not %s" % data.__class__.__name__)
        with self.open("w", encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    def write_bytes(self, data):
        view = memoryview(data) if not isinstance(data, (bytes, bytearray)) else data
        with self.open("wb") as f:
            return f.write(view)

    def touch(self, mode=0o666, exist_ok=True):
        if exist_ok:
            try:
                os.utime(self)
                return
            except OSError:
                pass
        open(str(self), "a" if exist_ok else "x").close()

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            os.mkdir(self, mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def chmod(self, mode, *, follow_symlinks=True):
        os.chmod(self, mode)

    def unlink(self, missing_ok=False):
        try:
            os.unlink(self)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        os.rmdir(self)

    def rename(self, target):
        os.rename(self, target)
        return type(self)(target)

    def replace(self, target):
        os.replace(self, target)
        return type(self)(target)

    def symlink_to(self, target, target_is_directory=False):
        os.symlink(target, self)


class PosixPath(Path, PurePosixPath):
    __slots__ = ()
