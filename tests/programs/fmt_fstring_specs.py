# f-strings: conversions, nested format specs, the = specifier, format
# specs on user objects, and the full mini-language for ints and strs.
import math

name, pi, n, big = "pyfast", math.pi, 42, 12345678901234567890
width, prec = 12, 3
print(f"{name!r} {name!s} {name!a} {'é'!a} {name:>{width}} {name:*^{width}} {name:<{width}}|")
print(f"{pi:.{prec}f} {pi:{width}.{prec}e} {pi:+.2f} {pi:=+10.3f} {-pi:010.4f} {pi:.0f} {pi:#.0f}")
print(f"{n=} {n = } {pi=:.2f} {name=!r} {n*2=} {width + prec = }")
print(f"{n:b} {n:o} {n:x} {n:X} {n:#b} {n:#o} {n:#x} {n:#X} {n:c} {n:08b} {-n:x} {n:_b}")
print(f"{big:,} {big:_} {-big:,d} {big:e} {n:,} {1234.5:,.2f} {0.5:%} {0.123456:.1%} {1e-7:g}")
print(f"{n:+} {n: } {-n: } {n:<6}| {n:^6}| {n:>6}| {n:06} {n:=+6} {n:x<6}")
print(f"{'abc':.2} {'abc':5.1}| {'left':<8}| {'right':>8}| {'mid':^9}| {'x':0>4}")
print(f"{True} {True:d} {None!r} {[1, 'a']} {(1,)} {{'braces'}} {{{n}}}")


class Temp:
    def __init__(self, c):
        self.c = c

    def __format__(self, spec):
        if spec.endswith("F"):
            return format(self.c * 9 / 5 + 32, spec[:-1] or ".1f") + "°F"
        return format(self.c, spec or ".1f") + "°C"

    def __repr__(self):
        return f"Temp({self.c})"

    def __str__(self):
        return f"{self.c} degrees"


t = Temp(21.5)
print(f"{t} {t:F} {t:.3F} {t:.0f} {t!r} {t!s} {t=}")
print(format(t, "F"), "{:.2f}".format(t), "{0!r:>12}".format(t))
rows = [("apple", 3, 1.5), ("banana", 12, 0.25), ("cherry", 150, 10.0)]
for fruit, qty, price in rows:
    print(f"|{fruit:<10}|{qty:>5d}|{price:>8.2f}|{qty * price:>10,.2f}|")
print(f"{'total':<10}|{sum(q for _, q, _ in rows):>5d}|{'':>8}|{sum(q * p for _, q, p in rows):>10,.2f}|")
print(f"{3.0:g} {1e16:g} {123456789.0:g} {0.0001:g} {0.00001:g} {1.5e-10:.3g} {2.5:.0f} {3.5:.0f}")
print(f"{float('inf'):f} {float('-inf'):e} {float('nan'):g} {-0.0:f} {-0.0:+g} {1e300 * 10:.2f}")
items = {"x": 1, "y": [1, 2]}
print(f"{items['x']} {items['y'][1]} {len(items)} {'nested ' + f'{n:03d}'} {n if n > 40 else 0}")
