# open() and os functions accept path-like objects (__fspath__).
import os


class P:
    def __init__(self, p):
        self.p = p

    def __fspath__(self):
        return self.p


class Bad:
    def __fspath__(self):
        return 3


d = "/tmp/pyfast-corpus-io_open_pathlike-%d" % os.getpid()
os.mkdir(P(d))
try:
    f = P(os.path.join(d, "f.txt"))
    with open(f, "w") as fh:
        fh.write("data")
        print(fh.name == f.p)
    with open(f) as fh:
        print(fh.read())
    print(os.listdir(P(d)), os.path.exists(f), os.access(f, os.R_OK))
    os.rename(f, P(os.path.join(d, "g.txt")))
    os.replace(P(os.path.join(d, "g.txt")), P(os.path.join(d, "h.txt")))
    print(os.listdir(d))
    os.symlink(P(os.path.join(d, "h.txt")), P(os.path.join(d, "l")))
    print(os.readlink(P(os.path.join(d, "l"))) == os.path.join(d, "h.txt"))
    os.unlink(P(os.path.join(d, "l")))
    os.chmod(P(os.path.join(d, "h.txt")), 0o600)
    os.remove(P(os.path.join(d, "h.txt")))
    for bad in [Bad(), 3.5, None]:
        try:
            open(bad)
        except TypeError as e:
            print("TypeError", e)
finally:
    os.rmdir(P(d))
print(os.path.exists(d))
