# float() and int() conversions between numbers and strings.
print(float(3), float(-7), float(2 ** 70), float(True), float(False), float())
print(float('1.5'), float('  -2.25  '), float('1e3'), float('+.5'), float('5.'), float('-0.0'))
print(float('inf'), float('-Infinity'), float('1_000.5'), float('1E-3'))
print(float('0.1'), float('3.141592653589793'), float('123456789012345678901234567890'))
print(int(2.999999), int(-2.999999), int(1e18), int(1.5e30), int(-0.9))
print(str(1.5), str(-0.0), str(1e16), str(1e-5), str(float(10)))
print(float(str(0.1)) == 0.1, float(repr(1 / 3)) == 1 / 3)
print(int(float('12.0')), float(int('12')))
