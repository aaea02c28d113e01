# with: __enter__/__exit__ order, the exception details __exit__ receives,
# suppression by a true return, nesting, and errors inside __enter__.


class Resource:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc, tb is not None)
        return self.suppress


with Resource("a") as r:
    print("inside", r.name)

with Resource("quiet", suppress=True):
    raise ValueError("suppressed")
print("after suppression")

try:
    with Resource("loud"):
        raise KeyError("escapes")
except KeyError as e:
    print("caught", repr(e))

with Resource("outer"), Resource("inner", suppress=True):
    raise RuntimeError("only the inner one sees this")

with Resource("x") as x, Resource("y") as y:
    print("both", x.name, y.name)


class FailingEnter:
    def __enter__(self):
        raise OSError("cannot enter")

    def __exit__(self, *args):
        print("never called")


try:
    with FailingEnter():
        print("not reached")
except OSError as e:
    print("enter failed:", e)


def early_return():
    with Resource("ret"):
        return "returned value"


print(early_return())

for i in range(3):
    with Resource(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
print("loop done")


class Transaction:
    def __init__(self):
        self.committed = []
        self.pending = []

    def __enter__(self):
        self.pending = []
        return self.pending

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.committed.extend(self.pending)
        else:
            print("rolled back", len(self.pending), "because", exc)
        return exc_type is ValueError


t = Transaction()
with t as ops:
    ops.append(1)
    ops.append(2)
with t as ops:
    ops.append(3)
    raise ValueError("bad op")
print(t.committed)
