# Subclasses of dict, list, str and int whose dunder overrides run for
# the generic operations and reach the built-in behaviour through super().


class LoggingDict(dict):
    def __init__(self, *args, **kwargs):
        self.log = []
        super().__init__(*args, **kwargs)

    def __setitem__(self, key, value):
        self.log.append(("set", key))
        super().__setitem__(key, value)

    def __getitem__(self, key):
        self.log.append(("get", key))
        return super().__getitem__(key)

    def __delitem__(self, key):
        self.log.append(("del", key))
        super().__delitem__(key)

    def __contains__(self, key):
        self.log.append(("in", key))
        return super().__contains__(key)


d = LoggingDict(a=1)
d["b"] = 2
print(d["a"] + d["b"], "a" in d, "z" in d)
del d["a"]
print(dict(d), len(d), d.log)


class DefaultZero(dict):
    def __missing__(self, key):
        return 0


counts = DefaultZero()
for ch in "mississippi":
    counts[ch] = counts[ch] + 1
print(sorted(counts.items()))


class Stack(list):
    def push(self, x):
        self.append(x)
        return self

    def __len__(self):
        return super().__len__() * 100

    def __getitem__(self, i):
        if isinstance(i, slice):
            return Stack(super().__getitem__(i))
        return "item:" + str(list.__getitem__(self, i))

    def __iter__(self):
        return reversed(list(super().__iter__()))

    def __bool__(self):
        return True


s = Stack([1, 2])
s.push(3).push(4)
print(len(s), s[0], s[-1], type(s[1:3]).__name__, list(s), bool(Stack()))
print(s == [1, 2, 3, 4], s + [5], isinstance(s, list))
for x in s:
    print("iter", x)


class Upper(str):
    def __add__(self, other):
        return Upper(str.__add__(self, other).upper())

    def shout(self):
        return self + "!"


u = Upper("hi")
print(u + " there", type(u + "x").__name__, u.shout(), u, len(u), u.upper(), u == "hi")
print(f"{u}|{u!r}|{u:>5}", "%s" % u, str(u), [u])


class Money(int):
    def __new__(cls, cents):
        return super().__new__(cls, round(cents))

    def __repr__(self):
        return f"Money({int.__repr__(self)})"

    def __str__(self):
        return f"${int(self) // 100}.{int(self) % 100:02d}"

    def __add__(self, other):
        return Money(int.__add__(self, other))

    __radd__ = __add__


m = Money(1999.6) + 250
print(repr(m), str(m), m > 2000, sum([Money(1), Money(2)], Money(0)), hash(Money(5)) == hash(5))
print(int.__add__(3, 4), (5).__mul__(6), (7).__mul__(2.0), (1.5).__add__(1), int.__lt__(1, 2))


class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]

    def __hash__(self):
        return 42


p = Point(3, 4)
print(p, p.x, p[1], len(p), hash(p), p == (3, 4), {p: "v"}[Point(3, 4)])


class Unhashable(list):
    pass


try:
    hash(Unhashable())
except TypeError as e:
    print("TypeError:", e)
print(list.__hash__, dict.__hash__ is None)
