# Numeric and text conversions: int() with bases and underscores, float(),
# str/repr, bool(), abs/divmod/pow/round, chr/ord, bin/oct/hex, and errors.

print(int("42"), int("-0x1f", 16), int("0b101", 0), int("0o17", 0), int("z", 36), int("  7  "), int("1_000_000"))
print(int(3.99), int(-3.99), int(True), int("٣"), int(2**70 + 0.0), int(1e18), int("-0"))
for bad in ["", "1.5", "0x", "12a", "1__0", "_1"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
for bad in [(b"x" if False else "9", 8), ("10", 1), ("10", 37)]:
    try:
        int(*bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
print(float("3.5"), float("-inf"), float("1e-3"), float(7), float(" 2.5\n"), float("nan") == float("nan"))
print(str(12), str(1.25), str(-0.0), str(True), str(None), str([1, "a"]), str({"k": (1,)}), repr("q'uote"))
print(bool(0), bool(0.0), bool(""), bool([]), bool({}), bool(None), bool("0"), bool([0]), bool(-1))
print(abs(-5), abs(2.5), abs(-0.0), abs(True), abs(-(2**70)))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5), divmod(-7, 2))
print(pow(2, 10), pow(2, -2), pow(-2, 3), pow(3, 4, 5), pow(2, 100, 97), pow(4, 0.5), pow(0, 0), pow(-8, 1 / 3).real if False else 0)
print(pow(3, -1, 7), pow(10, 20) % 7, 2 ** -1, (-2) ** 2, -2 ** 2, 10 ** -2)
print(round(3.14159, 3), round(2.5), round(-1.5), round(1234, -2), round(1250, -2), round(1350, -2), round(0.1 + 0.2, 10))
print(chr(65), chr(0x263A), chr(0x1F600), ord("A"), ord("€"), ord("😀"), [ord(c) for c in "Py"])
print(bin(5), bin(-5), oct(64), hex(255), hex(-255), bin(0), hex(2**64), int(bin(37), 2), int(hex(1000), 16))
for bad in [lambda: chr(-1), lambda: chr(0x110000), lambda: ord(""), lambda: ord("ab"), lambda: pow(2, 3, 0),
            lambda: divmod(1, 0), lambda: pow(0, -1), lambda: round(1.5, "x")]:
    try:
        bad()
    except (ValueError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
print(1 / 4, 7 // 2, -7 // 2, 7 % -2, -7 % 2, 2 ** 0.5 * 2 ** 0.5, 0.1 + 0.7, 1e308 * 10, -1e308 * 10)
print(int.__name__, float(int("12")) / 5, str(int(float("1e5"))), complex if False else "no complex")
