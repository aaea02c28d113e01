# Text files: write, read back, append, iterate; the file is removed after.
import os

# One file per process: the corpus runs this program at several tiers at once.
path = "io_text_files.%d.tmp" % os.getpid()
with open(path, "w") as f:
    n = f.write("line one\nline two\n")
    f.write("ünïcode three\n")
print(n)
with open(path) as f:
    print(f.readline(), end="")
    print(f.read(4))
    print(f.readlines())
for i, line in enumerate(open(path)):
    print(i, line.rstrip())
with open(path, "a") as f:
    f.writelines(["x\n", "y\n"])
print(open(path).read().splitlines())
try:
    open("/tmp/definitely/missing.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e, e.errno)

import os
print(os.path.exists(path), os.path.basename("/a/b/c.txt"), os.path.splitext("x.tar.gz"), os.path.join("a", "b"))
os.remove(path)
print(os.path.exists(path))
