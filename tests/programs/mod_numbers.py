import numbers
for v in (1, True, 2.5, "x", None):
    print(repr(v), [isinstance(v, c) for c in (numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral)])
print(issubclass(int, numbers.Real), issubclass(float, numbers.Integral), issubclass(bool, numbers.Number))
try:
    numbers.Integral()
except TypeError as e:
    print(str(e)[:46])
def describe(x):
    if isinstance(x, numbers.Integral):
        return "integral"
    if isinstance(x, numbers.Real):
        return "real"
    return "other"
print([describe(x) for x in (3, 3.0, "3")])
