# printf-style % formatting: flags, width and precision from *, mapping
# keys, every conversion, and the errors CPython raises.

print("%s|%r|%a|%c|%c" % ("é", "é", "é", 65, "z"))
print("%d|%i|%u|%o|%x|%X|%e|%E|%f|%F|%g|%G|%%" % (42, 42, 42, 8, 255, 255, 1234.5, 1234.5, 1.5, 1.5, 1e-5, 1e20))
print("%5d|%-5d|%05d|%+d|% d|%+05d|%x|%#x|%#o|%#X" % (42, 42, 42, 42, 42, 42, -255, 255, 8, 255))
print("%.2f|%8.3f|%-8.1f|%08.2f|%+.1e|%.0f|%#.0f|%.3g|%#g" % (3.14159, 2.71828, 1.5, -3.5, 12345.678, 2.5, 2.5, 0.0001234, 1.0))
print("%*d|%-*d|%.*f|%*.*f" % (5, 1, 5, 2, 2, 3.14159, 8, 3, 2.71828))
print("%(name)s is %(age)d years, %(name)r again" % {"name": "Ada", "age": 36})
print("%s" % [1, 2], "%s" % (1,), "%s %s" % ("a", "b"), "%r" % ((1, 2),), "%s" % None, "%d%%" % 50)
print("%.3s|%5.2s|%-6s|" % ("abcdef", "xyz", "ab"), "%10.4f|" % 3.14159265, "%-10s|" % "left")
print("%x %o %X" % (2**70, 2**70, 2**70), "%d" % 10**25, "%e" % 10**25, "%d" % True, "%f" % 3)
print("%c%c%c" % (80, 121, 33), "%5c|%-3c|" % ("a", "b"), "%s" % b"bytes", "%a" % "ü")


class Money:
    def __str__(self):
        return "$5"

    def __repr__(self):
        return "Money()"

    def __int__(self):
        return 5

    def __index__(self):
        return 5

    def __float__(self):
        return 5.0


m = Money()
print("%s %r %d %x %.1f" % (m, m, m, m, m))
for fmt, args in [("%d", "x"), ("%s %s", ("a",)), ("%s", ("a", "b")), ("%(k)s", ("a",)), ("%z", 1),
                  ("%c", 1.5), ("%c", "ab"), ("%", ()), ("%(k)s", {}), ("%.2f", "x")]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
