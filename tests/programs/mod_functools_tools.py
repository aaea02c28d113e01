# functools: partial (and nesting), reduce with and without an initial
# value, lru_cache statistics and clearing, wraps, total_ordering,
# cmp_to_key, cached_property if present.
import functools
import operator


def power(base, exp, *, mod=None):
    return pow(base, exp, mod) if mod else base ** exp


square = functools.partial(power, exp=2)
cube_mod = functools.partial(power, exp=3, mod=10)
twice = functools.partial(functools.partial(power, 2), 5)
print(square(7), cube_mod(7), twice(), square.func is power, square.keywords, twice.args)
print(functools.reduce(operator.add, [1, 2, 3, 4]), functools.reduce(operator.mul, range(1, 6), 10), functools.reduce(max, [3, 9, 2]))
print(functools.reduce(lambda acc, w: acc + len(w), ["ab", "cde"], 0), functools.reduce(operator.concat, ["a", "b"], ""))
try:
    functools.reduce(operator.add, [])
except TypeError as e:
    print("TypeError:", e)

calls = []


@functools.lru_cache(maxsize=3)
def slow_square(n):
    calls.append(n)
    return n * n


for n in [1, 2, 1, 3, 4, 1, 2]:
    slow_square(n)
print(calls, slow_square.cache_info())
slow_square.cache_clear()
print(slow_square.cache_info(), slow_square(5), calls[-1])


@functools.lru_cache(maxsize=None)
def partitions(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return partitions(n - k, k) + partitions(n, k - 1)


print(partitions(60, 60), partitions.cache_info().hits > 0)


def logged(label):
    def deco(f):
        @functools.wraps(f)
        def wrapper(*args, **kwargs):
            result = f(*args, **kwargs)
            print(f"  [{label}] {f.__name__}{args} -> {result}")
            return result
        return wrapper
    return deco


@logged("math")
def add(a, b):
    """Add two numbers."""
    return a + b


print(add(2, 3), add.__name__, add.__doc__, add.__wrapped__(10, 20))


@functools.total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))


vs = [Version(t) for t in ["1.10", "1.2", "1.2.1", "0.9"]]
print(sorted(vs), max(vs), Version("1.2") <= Version("1.2"), Version("2.0") >= Version("1.9"), Version("1.0") > Version("1.1"))
print(sorted(["b", "A", "c"], key=functools.cmp_to_key(lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))))
