# open() in binary, text and update modes: read/readline/seek/tell/truncate,
# newline handling, encodings, and the errors CPython gives for bad modes.
import os
p = "/tmp/pyfast-io-binary-%d.bin" % os.getpid()
with open(p, "wb") as f:
    print(f.write(b"\x00\x01\xffline1\nline2\r\nline3\rend"), f.tell())
    print(f.mode, f.name == p, f.closed, f.writable(), f.readable())
print(f.closed)
with open(p, "rb") as f:
    print(f.read(3), f.tell(), f.readline(), f.readline(), f.read())
    f.seek(0); print(list(f))
    f.seek(-3, 2); print(f.read())
with open(p, "r+b") as f:
    f.seek(3); f.write(b"LINE"); f.seek(0); print(f.read())
    print(f.truncate(5), f.tell()); f.seek(0); print(f.read())
with open(p, "w") as f:
    f.write("héllo\nwörld\r\nthird\rfourth")
with open(p) as f:
    print(repr(f.read(3)), repr(f.readline()), repr(f.readline(2)), f.readlines())
with open(p, newline="") as f:
    print(f.readlines())
with open(p, "rb") as f:
    print(f.read())
with open(p, "a") as f:
    f.write("\nappended")
print(open(p).read().splitlines())
with open(p, "w", newline="\r\n") as f:
    f.write("a\nb\n")
print(open(p, "rb").read())
for bad in ["rw", "rr", "z", "bt", ""]:
    try: open(p, bad)
    except ValueError as e: print(bad, e)
try: open(p, "rb", encoding="utf-8")
except ValueError as e: print(e)
try:
    with open(p, "rb") as f: f.write(b"x")
except OSError as e: print("unsupported", e)
try:
    with open(p, "wb") as f: f.write("x")
except TypeError as e: print(e)
try:
    with open(p, "w") as f: f.write(b"x")
except TypeError as e: print(e)
try: open("/nonexistent/x")
except FileNotFoundError as e: print(e)
try: open(p, "x")
except FileExistsError as e: print(type(e).__name__, e.errno, e.filename == p)
f = open(p); f.close()
try: f.read()
except ValueError as e: print(e)
with open(p, "wb") as f: f.write(bytes([0xff, 0xfe]))
try: open(p).read()
except UnicodeDecodeError as e: print(e)
print(open(p, encoding="latin-1").read() == "\xff\xfe")
print(type(open(p)).__name__, type(open(p, "rb")).__name__, type(open(p, "wb")).__name__, type(open(p, "r+b")).__name__)
g = open(p, "w"); g.write("unclosed"); del g
print(open(p).read())
with open(p, "w") as f: f.write("x" * 20000 + "\n" + "y")
with open(p) as f: print(len(f.readline()), f.read())
os.remove(p)
