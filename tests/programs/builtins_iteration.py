# Iteration builtins: iter (with a sentinel), next with a default, enumerate,
# zip (strict), map with several iterables, filter, reversed, sorted,
# min/max with key and default, sum with start, any/all short-circuiting.

it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "done"), next(iter(()), None))
chunks = iter(["a", "b", "", "c"].pop, "")
print(list(iter(lambda c=iter(range(5)): next(c), 3)))
print(list(enumerate("abc")), list(enumerate("ab", start=5)), list(enumerate([], 1)))
print(list(zip("abc", range(10), [True, False, None])), list(zip()), list(zip([1])))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(map(pow, [2, 3, 4], [5, 2])), list(map(str.upper, "ab")), list(map(lambda *a: sum(a), [1, 2], [10, 20], [100, 200])))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])), list(filter(str.isdigit, "a1b2c3")))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(0, 10, 3))), list(reversed((1, 2))))
print(sorted({"b": 1, "a": 2}), sorted("hello", reverse=True), sorted([], key=len), sorted(range(5), key=lambda v: -v))
print(min(3, 1, 2), max("apple", "fig", key=len), min([], default="empty"), max([4, 9, 2], key=lambda v: -v))
print(min([(1, "b"), (1, "a")]), max({"x": 3, "y": 9}, key={"x": 3, "y": 9}.get), min("bca"), max(range(7)))
for bad in [lambda: min([]), lambda: max(), lambda: max(1), lambda: min(1, 2, key=None, default=3)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.5, 0.25]), sum([[1], [2]], []), sum(range(101)), sum(x * x for x in range(4)))
calls = []


def noisy(v):
    calls.append(v)
    return v


print(any(noisy(v) for v in [0, 0, 1, 1]), calls)
calls.clear()
print(all(noisy(v) for v in [1, 1, 0, 1]), calls)
print(any([]), all([]), any([[]]), all([[]]))
lines = iter(["first", "second", "third"])
for line in lines:
    if line == "first":
        print("skipping", next(lines))
    else:
        print("line", line)
r = range(3)
i1, i2 = iter(r), iter(r)
print(next(i1), next(i1), next(i2), list(i1), list(i2))
d = {"k1": 1, "k2": 2}
print(list(iter(d)), list(d.items()), dict(enumerate("xy")), dict(zip(d.values(), d.keys())))
