# abs, min, max, sum on ints, floats, big ints, strings and iterables.
print(abs(-5), abs(5), abs(0), abs(-2 ** 100), abs(-3.5), abs(-0.0), abs(False))
print(min(3, 1, 2), max(3, 1, 2), min([5, -1, 9]), max((5, -1, 9)), min('hello'), max('hello'))
print(min(1, 1.0), max(1, 1.0), min(1.0, 1), max(2 ** 100, 1e30), min(-2 ** 100, -1e31))
print(max([[1, 2], [1, 3], [0, 9]]), min(range(5, 10)), max({'a': 1, 'c': 2, 'b': 3}))
print(min(5, 3), max([1, -7, 3], key=abs), min(['bb', 'a', 'ccc'], key=len))
print(sum([]), sum([1, 2, 3]), sum((0.5, 0.25, 0.125)), sum([1, 2], 10), sum(range(1, 11)), sum([2 ** 64, 2 ** 64]))
print(sum([[1], [2], [3]], []), sum([1.5, 2, 3]), sum([True, True, 3]))
print(max(3, 3.0), min('b', 'a', 'c'), max([0.1, 0.10000000000000001]))
