# pathlib: pure path algebra and file-system operations (in a private
# temporary directory that is removed at the end).
import os
import pathlib
from pathlib import Path, PosixPath, PurePath, PurePosixPath

p = PurePath("/usr/local/lib/python3.tar.gz")
print(repr(p), str(p), type(p).__name__)
print(p.name, p.stem, p.suffix, p.suffixes, p.anchor, p.root, repr(p.drive))
print(p.parts)
print(p.parent, list(p.parents))
print(p.parents[0], p.parents[-1], p.parents[1:3], len(p.parents), p.parents)
print(p.is_absolute(), PurePath("a/b").is_absolute())
print(PurePath("a", "b/c", "d"), PurePath("a", "/b", "c"), PurePath(""), PurePath())
print(PurePath("//net/x"), PurePath("///x"), PurePath("a//b/./c/"), PurePath("a/../b"))
print(PurePath("a") / "b" / "c", "x" / PurePath("y"), PurePath("/a") / "/b")
print(PurePath("a").joinpath("b", "c"), PurePath("/a/b").joinpath(PurePath("c")))
print(PurePosixPath("x/y.txt").with_name("z.py"), PurePath("x/y.txt").with_suffix(".md"))
print(PurePath("x/y.txt").with_suffix(""), PurePath("x/y").with_suffix(".c"))
print(PurePath("x/y.tar.gz").with_stem("w"), PurePath(".bashrc").suffix, PurePath("a.").suffix)
print(PurePath("a/b.c.").suffixes, PurePath(".x.y").suffixes, PurePath("noext").stem)
print(PurePath("/a/b/c").relative_to("/a"), PurePath("/a/b/c").relative_to("/a/b/c"))
print(PurePath("/a/b").is_relative_to("/a"), PurePath("/a/b").is_relative_to("/c"))
for bad in [lambda: PurePath("/a/b").relative_to("/c"),
            lambda: PurePath("a").relative_to("/a"),
            lambda: PurePath("a").with_suffix("x"),
            lambda: PurePath("/").with_name("x"),
            lambda: PurePath("a").with_name("x/y"),
            lambda: PurePath("a").match(""),
            lambda: PurePath(3)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(PurePath("a/b.py").match("*.py"), PurePath("/a/b/c.py").match("b/*.py"))
print(PurePath("/a/b/c.py").match("/*.py"), PurePath("/a/b.py").match("/a/*.py"))
print(PurePath("a/b.py").match("a/b/*.py"), PurePath("b.PY").match("*.py"))
print(PurePath("a/b").as_posix(), os.fspath(PurePath("a/b")), PurePath("/x y").as_uri())
print(PurePath("a") == PurePath("a"), PurePath("a") == PurePath("a/"), PurePath("a") == "a")
print(PurePath("a") < PurePath("b"), sorted([PurePath("b"), PurePath("a/c"), PurePath("a")]))
print(hash(PurePath("a/b")) == hash(PurePath("a//b")), len({PurePath("x"), PurePath("./x")}))
print(PurePath("/a") != PurePath("a"), PurePath("/").name == "", PurePath("/").parent)
try:
    PurePath("a") < "b"
except TypeError as e:
    print("TypeError", e)
print(repr(Path("a/b")), isinstance(Path("x"), PurePath), type(Path("x")) is PosixPath)
print(repr(PurePosixPath("q")), Path("x").__class__.__name__)

base = Path("/tmp") / ("pyfast-corpus-mod_pathlib-%d" % os.getpid())
base.mkdir()
try:
    print(base.exists(), base.is_dir(), base.is_file())
    f = base / "hello.txt"
    print(f.write_text("hello\nworld\n"), f.read_text(), f.exists(), f.is_file())
    print(f.stat().st_size, f.read_bytes())
    print((base / "data.bin").write_bytes(b"\x00\x01\x02"))
    (base / "sub" / "deep" / "er").mkdir(parents=True)
    (base / "sub" / "deep").mkdir(exist_ok=True)
    try:
        (base / "sub").mkdir()
    except FileExistsError:
        print("FileExistsError")
    try:
        (base / "no" / "such").mkdir()
    except FileNotFoundError:
        print("FileNotFoundError")
    (base / "sub" / "a.py").write_text("a = 1\n")
    (base / "sub" / "deep" / "b.py").write_text("b = 2\n")
    (base / "sub" / "deep" / "er" / "c.txt").touch()
    (base / "sub" / "deep" / "er" / "c.txt").touch()
    try:
        (base / "sub" / "a.py").touch(exist_ok=False)
    except FileExistsError:
        print("FileExistsError (touch)")
    rel = lambda ps: sorted(str(q.relative_to(base)) for q in ps)
    print(rel(base.iterdir()))
    print(rel(base.glob("*.txt")), rel(base.glob("*")))
    print(rel(base.glob("sub/*.py")), rel(base.glob("**/*.py")))
    print(rel(base.rglob("*.py")), rel(base.rglob("c.*")), rel(base.glob("**")))
    print(rel(base.glob("s?b/deep/*")), rel(base.glob("[hd]*")), rel(base.glob("sub/deep")))
    with open(base / "hello.txt") as fh:
        print(fh.read(5), fh.name == str(base / "hello.txt"))
    with (base / "hello.txt").open() as fh:
        print(fh.readline().strip())
    with (base / "hello.txt").open("a") as fh:
        fh.write("more\n")
    print((base / "hello.txt").read_text().splitlines())
    moved = (base / "hello.txt").rename(base / "moved.txt")
    print(moved.name, moved.exists(), (base / "hello.txt").exists())
    moved.replace(base / "final.txt")
    print(rel(base.glob("*.txt")))
    print((base / "final.txt").samefile(str(base / "final.txt")))
    (base / "link").symlink_to(base / "final.txt")
    print((base / "link").is_symlink(), (base / "final.txt").is_symlink(),
          (base / "link").resolve() == (base / "final.txt").resolve())
    print((base / "link").readlink() == base / "final.txt")
    (base / "link").unlink()
    (base / "ghost").unlink(missing_ok=True)
    try:
        (base / "ghost").unlink()
    except FileNotFoundError:
        print("FileNotFoundError (unlink)")
    print((base / "sub" / ".." / "sub").resolve() == (base / "sub").resolve())
    print(Path("x/y").absolute() == Path.cwd() / "x" / "y", Path.cwd().is_absolute())
    print(Path("~").expanduser() == Path.home(), Path("a").expanduser())
    print(Path("mod_pathlib.py").exists(), Path("mod_pathlib.py").resolve().name)
    print(Path("no-such-file").exists(), Path("no-such-file").is_file())
    try:
        f.write_text(b"bytes")
    except TypeError as e:
        print("TypeError", e)
finally:
    for root, dirs, files in os.walk(base, topdown=False):
        for name in files:
            os.unlink(os.path.join(root, name))
        for name in dirs:
            os.rmdir(os.path.join(root, name))
    base.rmdir()
print(base.exists())
