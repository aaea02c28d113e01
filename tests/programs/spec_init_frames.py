# Classes called in a loop (tier 1 pushes the __init__ frame in the eval
# loop, moving exact arguments in): exact arguments, defaults, *args,
# keywords, an __init__ that raises, returns a value, or recurses too deep.
class Exact:
    def __init__(self, a, b):
        self.s = a + b


class Defaults:
    def __init__(self, a, b=10):
        self.s = a * b


class Star:
    def __init__(self, *args):
        self.s = sum(args)


class Raises:
    def __init__(self, a):
        if a == 50:
            raise ValueError("fifty")
        self.s = a


class Returns:
    def __init__(self, a):
        if a == 60:
            return a
        self.s = a


class Deep:
    def __init__(self, n):
        self.child = Deep(n + 1) if n < 10**6 else None


total = 0
for i in range(100):
    total += Exact(i, 1).s + Defaults(i).s + Defaults(i, 2).s + Star(i, i, i).s
    total += Exact(b=i, a=2).s
    try:
        total += Raises(i).s
    except ValueError as e:
        print("ValueError", e, i)
    try:
        total += Returns(i).s
    except TypeError as e:
        print("TypeError", e, i)
print(total)
try:
    Deep(0)
except RecursionError:
    print("RecursionError")
print(Exact(1, 2).s)
