# Starred unpacking in assignments and for-targets, nested targets,
# * and ** in calls and displays, and the errors for wrong counts.

a, *b = [1, 2, 3]
*c, d = "xyz"
e, *f, g = range(6)
(h, i), j = (1, 2), 3
[k, [l, *m]] = [0, [1, 2, 3]]
print(a, b, c, d, e, f, g, h, i, j, k, l, m)
first, *_, last = [10]  if False else [10, 20]
print(first, last)
for x, (y, *z) in [(1, (2, 3, 4)), (5, (6,))]:
    print(x, y, z)
rows = {"a": (1, 2), "b": (3, 4)}
for key, (left, right) in rows.items():
    print(key, left + right)


def show(*args, **kwargs):
    return f"args={args} kwargs={kwargs}"


nums, opts = [1, 2], {"sep": "-", "end": "!"}
print(show(*nums), show(*nums, 3, *"ab"), show(**opts), show(0, *nums, x=1, **opts))
print(show(*range(3), **{"a": 1}, **{"b": 2}), show(*[], **{}), show(*(i * i for i in range(3))))
print([*nums, *"cd", *range(2)], (*nums,), {*nums, *nums}, {**opts, "sep": "+", **{"new": 1}})
print(*nums, sep=", ")
print(*"abc", **opts)
print()
merged = {**{"a": 1, "b": 2}, **{"b": 3}}
print(merged, [*merged], [*merged.items()])


def f(a, b, /, c, *, d=4):
    return (a, b, c, d)


print(f(1, 2, 3), f(1, 2, c=3, d=5), f(*[1, 2], **{"c": 3}))
for bad in [
    lambda: f(1, 2),
    lambda: f(1, b=2, c=3),
    lambda: f(1, 2, 3, 4),
    lambda: f(1, 2, 3, e=1),
    lambda: show(**{"a": 1}, **{"a": 2}),
    lambda: show(*1),
    lambda: show(**[1]),
]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
for bad_unpack in ["a, b = [1, 2, 3]", "a, b, c = [1, 2]", "a, *b, c = [1]", "a, b = 1"]:
    try:
        exec(bad_unpack)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
swap_a, swap_b = 1, 2
swap_a, swap_b = swap_b, swap_a
print(swap_a, swap_b)
x = y = z = [0]
x.append(1)
print(y, z is x)
