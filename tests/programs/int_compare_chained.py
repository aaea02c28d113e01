# Comparisons between ints, floats and bools, and chained comparisons.
print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 1 == 1, 1 != 1)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 < 2 > 0, 0 < 0 <= 0)
print(1 == 1.0, 1 < 1.5, 2 > 1.999, -0.0 == 0, True == 1, False == 0, True < 2)
print(2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 == float(2 ** 53))
print(2 ** 100 > 1e30, 2 ** 100 < 1e31, -2 ** 100 < -1e30)
calls = []
def v(x):
    calls.append(x)
    return x
print(v(1) < v(2) < v(3), calls)
calls = []
print(v(3) < v(2) < v(1), calls)
x = 5
print(0 < x < 10, 0 < x < 3, x == 5 != 6, 1 < x <= 5 < 6 < 7)
print('a' < 'b', 'abc' < 'abd', 'ab' < 'abc', 'Z' < 'a', '' < 'a', 'b' > 'abc')
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, 2) == (1, 2), (2,) > (1, 9))
print(None == None, None != 0, 1 != 'a', [] == [], () == ())
