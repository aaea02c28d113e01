import sys

print(sys.version_info >= (3, 8), sys.version_info[:1], sys.version_info.major)
print(type(sys.maxsize).__name__, sys.maxsize > 2 ** 62, type(sys.argv).__name__)
print(isinstance(sys.path, list), "sys" in sys.modules, sys.getrecursionlimit())
