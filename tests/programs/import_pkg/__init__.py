"""A package for the import_* corpus programs (not a program itself)."""
print("import_pkg init", __name__, __package__)
from .shapes import area
from . import registry

VERSION = (1, 2)
__all__ = ["area", "VERSION", "describe"]


def describe():
    return f"import_pkg {VERSION} with {len(registry.KINDS)} kinds"


def _private():
    return "hidden"
