# OSError's errno/strerror/filename, the errno-to-subclass mapping, and
# errors from the file system.

cases = [
    OSError("plain message"),
    OSError(2, "No such file or directory"),
    OSError(13, "Permission denied", "/etc/secret"),
    OSError(17, "File exists", "dir"),
    OSError(21, "Is a directory"),
    OSError(20, "Not a directory", "a/b"),
    OSError(99999, "Unknown"),
    FileNotFoundError(2, "gone", "f.txt"),
    OSError(),
]
for e in cases:
    print(type(e).__name__, "|", e, "|", e.args, e.errno, e.strerror, e.filename)

print(issubclass(FileNotFoundError, OSError), isinstance(OSError(2, "x"), FileNotFoundError))
print(IOError is OSError if "IOError" in dir(__builtins__) else True, EnvironmentError is OSError if False else True)

for path in ["/definitely/not/here.txt", "/"]:
    try:
        with open(path) as f:
            f.read()
    except OSError as e:
        print(type(e).__name__, e.errno, e.filename, "|", e)

try:
    raise PermissionError(1, "Operation not permitted", "x")
except OSError as e:
    print("caught", type(e).__name__, repr(e))


def read_config(path):
    try:
        return open(path).read()
    except FileNotFoundError as e:
        raise RuntimeError(f"no config at {e.filename}") from e


try:
    read_config("/missing.cfg")
except RuntimeError as e:
    print(e, "| cause:", type(e.__cause__).__name__, e.__cause__.errno)
