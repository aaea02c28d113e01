from fractions import Fraction as F
import math
a = F(3, 4); b = F("-1.25"); c = F(0.1); d = F("2/6"); e = F(5)
print(a, b, c, d, e, repr(a), F(" 3/7 "), F("1e-3"), F("-2.5E2"), F(F(1, 3), F(2, 5)), F(-6, -4), F(6, -4))
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b), -a, +a, abs(b), a ** 2, a ** -2, F(-2, 3) ** -3, a ** 0.5, 2 ** F(1, 2), 2 ** F(3), F(1, 2) ** F(2))
print(a + 1, 1 + a, a * 2.0, 2.0 * a, a - 1, 1 - a, a / 3, 3 / a, a == 0.75, a == F(6, 8), a < 1, a > 0.5, 1 < a, a != b, a == 1, F(2) == 2)
print(float(a), int(b), math.floor(b), math.ceil(b), math.trunc(b), round(F(5, 2)), round(F(7, 2)), round(F(-5, 2)), round(F(22, 7), 2), round(F(1234), -2), bool(F(0)), bool(a))
print(hash(F(1, 2)) == hash(0.5), hash(F(3)) == hash(3), hash(F(1, 3)), hash(F(-1, 3)), hash(F(10**30, 7)))
print(F(math.pi).limit_denominator(1000), F("3.14159").limit_denominator(100), c.limit_denominator(10), a.as_integer_ratio(), F.from_float(0.25), a.numerator, a.denominator)
print(sorted([F(1, 3), F(1, 4), 0.3, 1]), sum([F(1, 3)] * 3), max(F(1, 2), F(2, 3)), F(1, 3) in {F(2, 6)})
for bad in [("1/0",), (1, 0), ("x",), ("1.2/3",)]:
    try:
        F(*bad)
    except (ValueError, ZeroDivisionError) as ex:
        print(type(ex).__name__, ex)
try:
    F(1, 2) / 0
except ZeroDivisionError as ex:
    print("ZeroDivisionError", ex)
try:
    F(1.5, 2)
except TypeError as ex:
    print("TypeError", ex)
