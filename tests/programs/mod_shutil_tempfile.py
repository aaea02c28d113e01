import os, shutil, tempfile, stat
base = tempfile.mkdtemp(prefix="pyfast-corpus-shutil-")
print(os.path.isdir(base), stat.S_IMODE(os.stat(base).st_mode) == 0o700, os.path.basename(base).startswith("pyfast-corpus-shutil-"), os.path.dirname(base) == tempfile.gettempdir())
src = os.path.join(base, "src")
os.makedirs(os.path.join(src, "sub"))
with open(os.path.join(src, "a.txt"), "w") as f:
    f.write("alpha\n")
with open(os.path.join(src, "sub", "b.bin"), "wb") as f:
    f.write(bytes(range(256)) * 300)
os.chmod(os.path.join(src, "a.txt"), 0o640)
os.utime(os.path.join(src, "a.txt"), (1000000000, 1000000000.5))
print(os.stat(os.path.join(src, "a.txt")).st_mtime, os.stat(os.path.join(src, "a.txt")).st_mtime_ns)
dst = shutil.copytree(src, os.path.join(base, "dst"))
print(os.path.relpath(dst, base), sorted(os.listdir(dst)), sorted(os.listdir(os.path.join(dst, "sub"))))
print(os.path.getsize(os.path.join(dst, "sub", "b.bin")), stat.filemode(os.stat(os.path.join(dst, "a.txt")).st_mode), os.stat(os.path.join(dst, "a.txt")).st_mtime)
c = shutil.copy(os.path.join(src, "a.txt"), base)
print(os.path.relpath(c, base), open(c).read(), end="")
try:
    shutil.copyfile(c, c)
except shutil.SameFileError as e:
    print("SameFileError", type(e).__mro__[1].__name__)
m = shutil.move(os.path.join(base, "a.txt"), os.path.join(base, "moved.txt"))
print(os.path.relpath(m, base), os.path.exists(os.path.join(base, "a.txt")))
print(shutil.which("sh") is not None, shutil.which("definitely-not-a-program-xyz"), shutil.which("sh", path="/nonexistent"))
os.environ["COLUMNS"] = "100"; os.environ["LINES"] = "40"
print(shutil.get_terminal_size())
fd, path = tempfile.mkstemp(suffix=".dat", dir=base)
os.write(fd, b"hello fd")
os.lseek(fd, 0, os.SEEK_SET)
print(os.read(fd, 5), path.endswith(".dat"), stat.S_IMODE(os.stat(path).st_mode) == 0o600)
os.close(fd)
with tempfile.NamedTemporaryFile("w+", dir=base, suffix=".txt") as t:
    t.write("named\n")
    t.seek(0)
    print(t.read(), end="")
    name = t.name
    print(os.path.exists(name))
print(os.path.exists(name))
with tempfile.TemporaryDirectory(dir=base) as td:
    open(os.path.join(td, "x"), "w").close()
    print(os.path.isdir(td))
print(os.path.exists(td))
tf = tempfile.TemporaryFile(dir=base)
tf.write(b"anon")
tf.seek(0)
print(tf.read())
tf.close()
with os.fdopen(os.open(os.path.join(base, "fd.txt"), os.O_WRONLY | os.O_CREAT, 0o644), "w") as f:
    f.write("via fdopen")
print(open(os.path.join(base, "fd.txt")).read())
try:
    os.open(os.path.join(base, "fd.txt"), os.O_WRONLY | os.O_CREAT | os.O_EXCL)
except FileExistsError as e:
    print("FileExistsError", e.errno)
shutil.rmtree(base)
print(os.path.exists(base))
try:
    shutil.rmtree(base)
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
shutil.rmtree(base, ignore_errors=True)
