# str.format and format(): positional, numbered, keyword and attribute or
# index fields, conversions, nested specs, format_map, escaping, errors.


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


p = Point(3, 4)
print("{} {} {}".format(1, "two", 3.0), "{0} {1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{0.x},{0.y} {1[0]} {1[1]} {2[key]} {2[k2]!r}".format(p, [10, 20], {"key": "v", "k2": "w"}))
print("{!r} {!s} {!a} {0!r:>12}".format(p, "s", "é"), "{:>{w}.{p}f}".format(3.14159, w=10, p=2))
print("{:*^15}|{:<8}|{:>8}|{:^8}|".format("center", "l", "r", "m"), "{{literal}} {}".format("x"))
print("{:,} {:_} {:.2%} {:e} {:.3g} {:08.3f} {:+d} {: d}".format(1234567, 1234567, 0.4567, 1234.5, 0.000123456, -3.14159, 5, 5))
print("{:b} {:#o} {:#x} {:X} {:c} {:n}".format(10, 8, 255, 255, 97, 1234))
print("{0:{1}{2}}".format("nested", ">", 12), "{:{fill}{align}{width}}".format("x", fill="-", align="^", width=7))
print("{a} and {b}".format_map({"a": "A", "b": "B"}), format(3.14159, ".3f"), format(42, "x"), format("s", "^5"))
print(format(1e100), format(123, ""), format(0.1, ""), format(True, ""), format([1], ""), format(p, ""))


class Default(dict):
    def __missing__(self, key):
        return "{" + key + "}"


print("{name} has {count} items".format_map(Default(name="box")))
table = [("Name", "Qty"), ("bolts", 120), ("nuts", 7)]
for a, b in table:
    print("{:<8}|{:>5}".format(a, b))
for fmt, args, kwargs in [("{}", (), {}), ("{0} {2}", ("a", "b"), {}), ("{x}", (), {}), ("{:d}", ("s",), {}),
                          ("{0.nope}", (p,), {}), ("{:q}", (1,), {}), ("}", (), {}), ("{", (), {}),
                          ("{0[5]}", ([1],), {}), ("{} {0}", (1,), {})]:
    try:
        print(fmt.format(*args, **kwargs))
    except (IndexError, KeyError, ValueError, AttributeError, TypeError) as e:
        print(type(e).__name__, e)
