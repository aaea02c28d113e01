name, value, ratio = "pi", 3.14159265, 0.125
print(f"{name}={value:.3f} {ratio:%} {ratio:.1%} {1234567:,} {255:#x} {255:08b}")
print(f"{name!r:>8}|{name:^8}|{name:<8}|{value:10.2e}|{-value:+.2f}")
print("%s has %d items costing %.2f (%5.1f%%)" % ("cart", 3, 9.5, 12.345))
print("%(a)s/%(b)04d" % {"a": "x", "b": 42}, "%x %o %c" % (255, 8, 65))
print("{} + {} = {}".format(1, 2, 3), "{0}{1}{0}".format("ab", "-"), "{x.real}".format(x=5))
print(format(1e16), format(0.1, ".17g"), repr(1 / 3), str(2.5e-7), 1e100)
width = 6
print(f"{'nested':>{width + 2}}|{3.14159:.{width - 4}f}", f"{value=:.2f}")
