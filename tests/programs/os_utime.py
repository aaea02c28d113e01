# os.utime (times, ns, now) and Path.touch updating an existing file.
import os, time, pathlib
d = "/tmp/pyfast-corpus-os_utime-%d" % os.getpid()
os.mkdir(d)
p = pathlib.Path(d) / "f"
p.touch()
os.utime(p, (1000000000, 1500000000.5))
st = os.stat(p)
print(st.st_atime, st.st_mtime, st.st_mtime_ns)
os.utime(p, ns=(5, 2_000_000_000_123))
print(os.stat(p).st_mtime_ns, os.stat(p).st_atime_ns)
p.touch()
print(abs(os.stat(p).st_mtime - time.time()) < 5)
try:
    p.touch(exist_ok=False)
except FileExistsError as e:
    print("FileExistsError", e.errno, e.filename == str(p))
(p.parent / "g").touch(exist_ok=False)
print(sorted(os.listdir(d)))
for bad in [dict(times=(1, 2), ns=(1, 2)), dict(times=[1, 2]), dict(ns=3)]:
    try:
        os.utime(p, **bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    os.utime(d + "/missing")
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
for n in os.listdir(d):
    os.unlink(os.path.join(d, n))
os.rmdir(d)
