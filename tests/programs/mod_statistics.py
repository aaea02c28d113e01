import statistics as st
from fractions import Fraction as F
data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
ints = [1, 2, 3, 4, 4, 5, 9]
print(st.mean(data), st.mean(ints), st.mean([1, 2, 4]), st.mean([F(1, 3), F(2, 3)]), st.mean([1e50, 1, -1e50]), type(st.mean([1, 3])).__name__)
print(st.fmean(data), st.fmean([3.5, 4.0, 5.25]), st.fmean([85, 92, 83, 91], weights=[0.20, 0.20, 0.30, 0.30]), st.geometric_mean([54, 24, 36]), st.harmonic_mean([40, 60]), st.harmonic_mean([40, 60], weights=[5, 30]), st.harmonic_mean([2.5, 3, 10]))
print(st.median(ints), st.median([1, 3, 5, 7]), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]), st.median_grouped([52, 52, 53, 54]), st.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5], interval=2))
print(st.mode([1, 1, 2, 3, 3, 3, 3, 4]), st.mode(["red", "blue", "blue", "red", "green", "red", "red"]), st.multimode("aabbbbccddddeeffffgg"), st.multimode([]))
print(st.quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104], n=10))
print(st.quantiles(ints, n=4, method="inclusive"), st.quantiles([1.5, 2.5], n=3))
print(st.variance(data), st.variance(ints), st.pvariance([0.0, 0.25, 0.25, 1.25, 1.5, 1.75, 2.75, 3.25]), st.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.variance([F(1, 6), F(1, 2), F(5, 3)]), st.stdev(ints), st.variance(data, st.mean(data)))
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
print(st.covariance(x, y), st.correlation(x, y), st.correlation(x, x[::-1]), st.linear_regression(x, [2 * v + 1 for v in x]), st.linear_regression(x, [3 * v for v in x], proportional=True))
for f, args in [(st.mean, ([],)), (st.stdev, ([1],)), (st.median, ([],)), (st.mode, ([],)), (st.variance, ([3],)), (st.correlation, ([1, 1], [1, 2])), (st.quantiles, ([1],)), (st.harmonic_mean, ([-1, 2],)), (st.geometric_mean, ([],))]:
    try:
        f(*args)
    except st.StatisticsError as e:
        print(f.__name__, "StatisticsError", e)
print(issubclass(st.StatisticsError, ValueError))
