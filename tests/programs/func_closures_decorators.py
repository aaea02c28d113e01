# Closures (counters, late binding, nonlocal), decorators with and without
# arguments, stacked decorators, decorators that keep state, and class
# decorators.
import functools


def make_counter(start=0):
    count = start

    def increment(by=1):
        nonlocal count
        count += by
        return count

    def peek():
        return count

    return increment, peek


inc, peek = make_counter(10)
inc()
inc(5)
print(peek(), inc.__closure__ is not None, len(inc.__closure__), peek.__code__.co_freevars)
adders = [lambda x, n=n: x + n for n in range(3)]
late = [lambda x: x + n for n in range(3)]
print([f(10) for f in adders], [f(10) for f in late])


def memoize(f):
    cache = {}

    @functools.wraps(f)
    def wrapper(*args):
        if args not in cache:
            cache[args] = f(*args)
        return cache[args]

    wrapper.cache = cache
    return wrapper


@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(60), len(fib.cache), fib.__name__)


def repeat(times):
    def deco(f):
        @functools.wraps(f)
        def wrapper(*args, **kwargs):
            return [f(*args, **kwargs) for _ in range(times)]
        return wrapper
    return deco


def tagged(tag):
    def deco(f):
        def wrapper(*args):
            return f"<{tag}>{f(*args)}</{tag}>"
        return wrapper
    return deco


@repeat(2)
@tagged("b")
def greet(name):
    return f"hi {name}"


print(greet("ada"))


def count_calls(f):
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return f(*args, **kwargs)
    wrapper.calls = 0
    return wrapper


@count_calls
def noop():
    pass


for _ in range(4):
    noop()
print(noop.calls)


def singleton(cls):
    instances = {}

    def get(*args):
        if cls not in instances:
            instances[cls] = cls(*args)
        return instances[cls]

    return get


@singleton
class Database:
    def __init__(self, url):
        self.url = url


print(Database("a").url, Database("b").url, Database("a") is Database("c"))


def outer():
    x = "outer"

    def middle():
        x = "middle"

        def inner():
            nonlocal x
            x = "changed by inner"
            return x

        inner()
        return x

    return middle(), x


print(outer())
g = 1


def use_global():
    global g
    g += 1
    return g


print(use_global(), use_global(), g)


def compose(*fs):
    return functools.reduce(lambda f, h: lambda x: h(f(x)), fs)


pipeline = compose(lambda x: x + 1, lambda x: x * 2, str)
print(pipeline(3), repr(pipeline(0)))
