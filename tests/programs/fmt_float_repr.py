# Float repr and formatting identical to CPython: shortest repr, the
# switch to exponent notation, rounding half to even, and every
# presentation type with and without precision.

values = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e15, 1e16, 1.5e16, 123456789012345678.0, 1e-4, 1e-5,
          5e-324, 1.7976931348623157e308, 2.0**60, 2.0**-20, 100.0, 1234.5, -0.0, 0.0, 9.999999999999999e22]
for v in values:
    print(repr(v), str(v), f"{v:f}", f"{v:e}", f"{v:g}", f"{v:.3}", f"{v:.10g}")
print(round(2.675, 2), round(0.125, 2), round(0.375, 2), round(2.5), round(3.5), round(-0.5), round(1e20, -19))
print(round(1234.5678, -2), round(1234.5678, 1), round(5e-324, 300), round(123.456, -1), round(0.5 + 1e-16))
for spec in ["", ".0f", ".1f", ".2e", ".3g", "10.4f", "<10.2f", "^12.3e", "+.1%", ",.3f", "_.1f", "#.0e", "#g", ".0%"]:
    print(f"{spec!r:10}", format(1234.56789, spec), format(-0.000123456, spec), format(1e21, spec))
print(float("1e500"), float("-1e500"), float("nan") != float("nan"), float(" 1_000.5 "), float("-.5"), float("+inf"))
print(1e22, 1e21, 1e-7, 12345678912345.0, 0.1 * 3, 1.1 * 1.1, 100 * 1.1, 3 * 0.1 == 0.3, 4.35 * 100)
print(sum([0.1] * 10), 1 - 0.9, 2 ** 0.5, 10 / 3, -7 / 2, 7 // 2.0, -7 // 2.0, 7 % -3.0, divmod(7.5, -2))
print(int(1e18), int(-2.9), int(1.9999999999999999), float(2**53 + 1), float(10**20), 2**53 + 1.0)
for bad in ["abc", "", "1e", "--1", "1.2.3"]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError:", e)
