# math: constants, number theory, rounding, exponentials and logs,
# trigonometry, special values, and CPython's exact error messages.
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.isnan(math.nan))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(7), math.ceil(2**70 + 0.5) == 2**70)
print(math.gcd(48, 180), math.gcd(0, 5), math.gcd(-12, 18), math.gcd(), math.lcm(4, 6, 10), math.lcm(0, 3))
print(math.factorial(0), math.factorial(25), math.comb(10, 3), math.comb(5, 7), math.perm(5, 2), math.perm(5))
print(math.isqrt(10**20 + 1), math.isqrt(0), math.prod([1, 2, 3, 4]), math.prod([]), math.prod(range(1, 6), start=2))
print(math.sqrt(2), math.exp2(10), math.exp(1), math.exp(-1000), math.expm1(1e-10))
print(math.log(math.e), math.log(100, 10), math.log(8, 2), math.log2(1024), math.log10(1e-3), math.log1p(1e-10))
print(math.sin(math.pi / 6), math.cos(0), math.tan(math.pi / 4), math.asin(1), math.acos(1), math.atan(1))
print(math.atan2(1, -1), math.hypot(3, 4), math.hypot(1, 2, 2), math.dist((0, 0), (3, 4)), math.degrees(math.pi), math.radians(180))
print(math.sinh(1), math.cosh(0), math.tanh(100), math.asinh(1), math.acosh(1), math.atanh(0.5))
print(math.fabs(-3), math.copysign(2, -0.0), math.fmod(-7, 3), -7 % 3, math.remainder(7, 2), math.modf(-3.75))
print(math.frexp(40), math.ldexp(0.625, 6), math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1, rel_tol=0.2))
print(math.isfinite(1e308), math.isinf(1e308 * 10), math.fsum([0.1] * 10), sum([0.1] * 10), math.nextafter(1, 2) > 1)
print(math.floor(1e300) == int(1e300), math.trunc(True), math.erf(1), math.gamma(5), math.erfc(0.5))
for expr in ["math.sqrt(-1)", "math.log(0)", "math.log(-5)", "math.log(10, 1)", "math.acos(2)", "math.exp(1000)",
             "math.factorial(-1)", "math.factorial(2.5)", "math.pow(0, -1)", "math.ldexp(1, 10000)",
             "math.isqrt(-1)", "math.comb(-1, 2)", "math.floor(math.inf)", "math.ceil(math.nan)", "math.fmod(1, 0)",
             "math.sqrt('x')", "math.gcd(1.5)", "math.log(0.0)"]:
    try:
        print(expr, "=", eval(expr))
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(expr, "->", type(e).__name__, e)
