# Integer literals in every base, underscores, and int() conversions.
print(0x10, 0XfF, 0o17, 0O7, 0b101, 0B11, 1_000_000, 0x_dead_beef)
print(0, 00, 0_0, 123456789012345678901234567890)
print(int('42'), int('-17'), int('  +8  '), int('0'), int('000123'), int('1_000'))
print(int(3.9), int(-3.9), int(0.5), int(-0.5), int(1e20), int(True), int(False))
print(int(12), int('123456789012345678901234567890'))
print(int(), int(-0.0))
