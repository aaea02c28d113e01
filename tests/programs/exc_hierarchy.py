# The built-in exception hierarchy: bases, handler order, catching by a
# base class or a tuple, and what each built-in error looks like.

pairs = [
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError), (KeyError, LookupError),
    (IndexError, LookupError), (FileNotFoundError, OSError), (ModuleNotFoundError, ImportError),
    (UnboundLocalError, NameError), (RecursionError, RuntimeError), (NotImplementedError, RuntimeError),
    (UnicodeDecodeError, ValueError), (StopIteration, Exception), (KeyboardInterrupt, Exception),
    (SystemExit, BaseException), (GeneratorExit, Exception), (TabError, SyntaxError), (bool, int),
]
for sub, base in pairs:
    print(f"{sub.__name__:20} {base.__name__:15} {issubclass(sub, base)}")
print([c.__name__ for c in ZeroDivisionError.__mro__])
print(issubclass(KeyError, (TypeError, LookupError)), isinstance(KeyError("k"), Exception))


def trigger(kind):
    if kind == "zero":
        return 1 // 0
    if kind == "key":
        return {}["missing"]
    if kind == "index":
        return [][0]
    if kind == "attr":
        return None.nothing
    if kind == "type":
        return "a" + 1
    if kind == "value":
        return int("nope")
    if kind == "name":
        return undefined_variable  # noqa: F821
    if kind == "unbound":
        def f():
            print(x)
            x = 1
        return f()
    if kind == "overflow":
        return 2.0 ** 10000
    if kind == "recursion":
        def r():
            return r()
        return r()
    if kind == "stop":
        return next(iter([]))
    if kind == "assert":
        assert 1 > 2, "math is broken"
    if kind == "import":
        import no_such_module_here  # noqa: F401
    if kind == "not_impl":
        raise NotImplementedError("later")


for kind in ["zero", "key", "index", "attr", "type", "value", "name", "unbound", "overflow",
             "recursion", "stop", "assert", "import", "not_impl"]:
    try:
        trigger(kind)
    except (LookupError, ArithmeticError) as e:
        print(kind, "lookup/arith:", type(e).__name__, e)
    except NameError as e:
        print(kind, "name:", type(e).__name__, e)
    except RuntimeError as e:
        print(kind, "runtime:", type(e).__name__, str(e)[:40])
    except Exception as e:
        print(kind, "other:", type(e).__name__, repr(e))

try:
    try:
        raise KeyError("inner")
    except IndexError:
        print("not reached")
except LookupError as e:
    print("outer caught", repr(e))

for exc_type in (ValueError, TypeError, KeyError):
    try:
        raise exc_type("x")
    except (TypeError, ValueError) as e:
        print("tuple caught", type(e).__name__)
    except Exception as e:
        print("fallback caught", type(e).__name__)
