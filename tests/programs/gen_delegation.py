# yield from: values, send() and throw() passed through to the
# delegate, return values, delegation to iterators, nesting depth.


def inner(tag):
    received = []
    try:
        while True:
            x = yield f"{tag}-ready"
            if x is None:
                break
            received.append(x)
    except KeyError as e:
        print(f"  {tag} handled", repr(e))
        yield f"{tag}-recovered"
    return received


def outer():
    first = yield from inner("A")
    print("  A returned", first)
    second = yield from inner("B")
    print("  B returned", second)
    return first + second


o = outer()
print(next(o), o.send(1), o.send(2), o.send(None))
print(o.send(3), o.throw(KeyError("k")))
try:
    o.send(None)
except StopIteration as stop:
    print("outer returned", stop.value)
except Exception as exc:
    print("other", type(exc).__name__)


def flatten(items):
    for item in items:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item


print(list(flatten([1, [2, [3, [4, (5, 6)]]], 7])))


def chain(*iterables):
    for it in iterables:
        yield from it
    return len(iterables)


print(list(chain("ab", [1, 2], range(3), {"k": 0})))


def counted():
    n = yield from chain("xy", "z")
    yield f"chained {n} iterables"


print(list(counted()))


def closing_inner():
    try:
        yield 1
        yield 2
    finally:
        print("  inner cleanup")


def closing_outer():
    try:
        yield from closing_inner()
    finally:
        print("  outer cleanup")


c = closing_outer()
print(next(c))
c.close()


def deep(n):
    if n == 0:
        yield "bottom"
        return 0
    depth = yield from deep(n - 1)
    return depth + 1


def run_deep():
    total = yield from deep(20)
    yield total


print(list(run_deep()))


def failing():
    yield 1
    raise ValueError("inner failure")


def wrapper():
    try:
        yield from failing()
    except ValueError as e:
        yield f"wrapper caught {e}"


print(list(wrapper()))
