# float and int methods: exact hex round trips, integer ratios, bit counts,
# and logarithms of big ints.
import math

for x in [1.0, 0.1, -2.5, 1e300, 5e-324, 0.0, -0.0, 3.141592653589793, 2.0**-1074 * 3]:
    h = x.hex()
    back = float.fromhex(h)
    print(h, back == x, x.is_integer(), x.as_integer_ratio())

print(float.fromhex("0x1p-2"), float.fromhex("-0X1.8P+1"), float.fromhex("ff"), float.fromhex("0x.8"))
print(float.fromhex("inf"), float.fromhex("-Infinity"), float.fromhex("nan"))
for bad in ["0xg", "", "0x1p", "1.2.3"]:
    try:
        float.fromhex(bad)
    except ValueError as e:
        print(repr(bad), "ValueError:", e)
try:
    float.fromhex("0x1p5000")
except OverflowError as e:
    print("OverflowError:", e)
for special in [float("inf"), float("nan")]:
    try:
        special.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)

n, d = (0.1).as_integer_ratio()
print(n, d, n / d == 0.1, (2.5).conjugate(), (7).conjugate(), (12).as_integer_ratio())
for i in [0, 1, 7, 255, -255, 2**100 - 1, 10**20]:
    print(i, i.bit_length(), i.bit_count())

print(math.log10(1000), math.log10(10**50), math.log2(1024), math.log2(2**200), math.log(10**400) > 920)
print(math.log(8, 2), math.log10(0.001), math.log1p(0) if hasattr(math, "log1p") else 0.0)
try:
    math.log10(0)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log2(-(10**30))
except ValueError as e:
    print("ValueError:", e)
