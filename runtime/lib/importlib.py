"""importlib for pyfast: import_module over the built-in import system."""

import sys


def import_module(name, package=None):
    level = 0
    if name.startswith('.'):
        if not package:
            raise TypeError("the 'package' argument is required to perform a "
                            f"relative import for {name!r}")
        while level < len(name) and name[level] == '.':
            level += 1
        base = package.rsplit('.', level - 1)[0]
        name = base + ('.' + name[level:] if name[level:] else '')
    __import__(name)
    return sys.modules[name]


def reload(module):
    return module
