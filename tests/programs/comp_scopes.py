# Comprehensions have their own scope: loop variables do not leak,
# closures capture per-iteration values only when told to, class bodies
# are not enclosing scopes, and walrus targets bind in the enclosing scope.

x = "outer"
squares = [x * x for x in range(4)]
print(x, squares)

fns = [lambda: i for i in range(3)]
print([f() for f in fns])
fns = [lambda i=i: i for i in range(3)]
print([f() for f in fns])


def make_multipliers():
    return [lambda v, k=k: v * k for k in (2, 3, 4)]


print([m(10) for m in make_multipliers()])


class Config:
    base = 10
    values = [v * 2 for v in range(3)]
    names = {n: len(n) for n in ("a", "bb")}
    try:
        scaled = [base * v for v in range(3)]
    except NameError as e:
        error = str(e)


print(Config.values, Config.names, Config.error)

matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([[row[i] for row in matrix] for i in range(3)])
print([v for row in matrix for v in row if v % 2])
print([(r, c) for r in range(3) for c in range(r, 3) if r != c])

total = 0
seen = [total := total + v for v in range(1, 6)]
print(seen, total)
data = [3, 8, 1, 9, 4]
if any((big := v) > 7 for v in data):
    print("first big value", big)
print([y for v in data if (y := v * 10) > 30], y)


def counter():
    count = 0

    def bump(values):
        nonlocal count
        return [count := count + v for v in values]

    return bump, lambda: count


bump, get = counter()
print(bump([1, 2, 3]), get())
print({k: [c for c in k] for k in ["ab", "c"]}, {len(w) for w in "the quick brown fox".split()})
gen_scope = list((lambda n: (n * j for j in range(3)))(5))
print(gen_scope)
print([[i * j for j in range(i)] for i in range(4)])
