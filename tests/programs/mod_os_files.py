import os, os.path, time, stat, sys
print(os.name, os.sep, os.path.join("a", "b", "/c", "d"), os.path.split("/a/b/"), os.path.splitext("x/.bashrc"), os.path.splitext("a.tar.gz"))
print(os.path.normpath("/a//b/../c/./d"), os.path.normpath(""), os.path.normpath("../x/.."), os.path.dirname("/a/b"), os.path.basename("/a/b"))
print(os.path.relpath("/a/b/c", "/a/x"), os.path.isabs("/x"), os.path.expanduser("~/x") == os.environ["HOME"] + "/x")
d = "/tmp/pyfast-corpus-os-" + str(os.getpid())
if os.path.exists(d):
    for root, dirs, files in os.walk(d, topdown=False):
        for f in files: os.remove(os.path.join(root, f))
        for x in dirs: os.rmdir(os.path.join(root, x))
    os.rmdir(d)
os.makedirs(d + "/sub/deeper", exist_ok=True)
os.makedirs(d + "/sub", exist_ok=True)
with open(d + "/a.txt", "w") as f: f.write("hello")
with open(d + "/sub/b.txt", "w") as f: f.write("hi")
st = os.stat(d + "/a.txt")
print(st.st_size, stat.S_ISREG(st.st_mode), stat.S_ISDIR(os.stat(d).st_mode), stat.filemode(st.st_mode)[0], len(st), type(st[8]) is int, type(st.st_mtime) is float)
print(os.path.getsize(d + "/a.txt"), os.path.isfile(d + "/a.txt"), os.path.isdir(d + "/sub"), os.path.islink(d))
os.rename(d + "/a.txt", d + "/c.txt")
print(sorted(os.listdir(d)))
for root, dirs, files in os.walk(d):
    dirs.sort()
    print(root[len(d):] or "/", sorted(dirs), sorted(files))
print(sorted(e.name for e in os.scandir(d)), [e.is_dir() for e in sorted(os.scandir(d), key=lambda e: e.name)])
try:
    os.stat(d + "/nope")
except FileNotFoundError as e:
    print("FNF", e.errno, e.filename == d + "/nope")
try:
    os.mkdir(d)
except FileExistsError as e:
    print("exists", e.strerror)
os.environ["PYFAST_T"] = "1"
print(os.getenv("PYFAST_T"), os.environ.pop("PYFAST_T"), os.getenv("PYFAST_T", "gone"))
print(os.fspath(d) == d, os.getcwd() == os.path.abspath("."))
os.symlink(d + "/c.txt", d + "/link")
print(os.path.islink(d + "/link"), os.path.realpath(d + "/link") == os.path.realpath(d) + "/c.txt", os.readlink(d + "/link") == d + "/c.txt")
# clean up
for root, dirs, files in os.walk(d, topdown=False):
    for f in files + [x for x in dirs if os.path.islink(os.path.join(root, x))]:
        os.remove(os.path.join(root, f))
    for x in dirs:
        if not os.path.islink(os.path.join(root, x)):
            os.rmdir(os.path.join(root, x))
os.rmdir(d)
print(os.path.exists(d))
