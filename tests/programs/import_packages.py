# Packages from a subdirectory: __init__ runs once, relative imports at
# several levels, submodules become attributes, sys.modules, __all__ and
# import *, __import__ and importlib, and import errors.
import sys

import import_pkg
import import_pkg.shapes.solid
from import_pkg.shapes.solid import cube, where
from import_pkg import *

print(import_pkg.describe(), import_pkg.registry.KINDS)
print(area("square", 4), area("rect", 2, 3), cube(3), where())
print(VERSION, describe() == import_pkg.describe(), "_private" in dir())
print(sorted(m for m in sys.modules if m.startswith("import_pkg")))
print(import_pkg.shapes.solid is sys.modules["import_pkg.shapes.solid"], import_pkg.shapes.flat.square(5))

import import_pkg as again
print(again is import_pkg)

top = __import__("import_pkg.shapes.flat")
leaf = __import__("import_pkg.shapes.flat", fromlist=["square"])
print(top.__name__, leaf.__name__, leaf.square(6))
import importlib
print(importlib.import_module("import_pkg.registry").KINDS, importlib.import_module(".flat", "import_pkg.shapes").__name__)

try:
    import import_pkg.broken
except ImportError as e:
    print(type(e).__name__, e)
try:
    from import_pkg import missing_name
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
try:
    import import_pkg.no_such_module
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    area("hexagon")
except ValueError as e:
    print("ValueError:", e)
print(__name__, sys.path[0] == "" or sys.path[0].endswith("programs"))
