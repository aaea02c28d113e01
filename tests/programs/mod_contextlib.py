# contextlib: contextmanager (enter/exit, exceptions inside, reuse as a
# decorator), suppress, closing, nullcontext, redirect_stdout, ExitStack.
import contextlib
import io


@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    except ValueError as e:
        print(f"  {name} swallowed {e}")
    finally:
        print(f"</{name}>")


with tag("a") as t:
    print("  body", t)
with tag("b"):
    raise ValueError("oops")
try:
    with tag("c"):
        raise KeyError("escapes")
except KeyError as e:
    print("escaped", repr(e))


@tag("deco")
def work(x):
    print("  working", x)
    return x * 2


print(work(21))

with contextlib.suppress(ZeroDivisionError, KeyError):
    {}["missing"]
print("suppressed")


class Resource:
    def close(self):
        print("closed resource")


with contextlib.closing(Resource()) as r:
    print("using", type(r).__name__)
with contextlib.nullcontext(42) as v:
    print("null", v)

buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("hidden line")
    print("another")
print("captured:", buf.getvalue().splitlines())

with contextlib.ExitStack() as stack:
    names = [stack.enter_context(tag(f"s{i}")) for i in range(3)]
    stack.callback(print, "callback ran")
    print("stack body", names)


@contextlib.contextmanager
def no_yield():
    if False:
        yield


try:
    with no_yield():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
