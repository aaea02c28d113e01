import functools, operator, bisect, heapq
from functools import reduce, partial, lru_cache
print(reduce(operator.add, [1, 2, 3, 4]), partial(pow, 2)(10))
@lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
a = [1, 3, 5]; bisect.insort(a, 4); print(a, bisect.bisect_left(a, 3))
h = []
for x in [5, 1, 4, 2, 3]: heapq.heappush(h, x)
print(h, [heapq.heappop(h) for _ in range(5)])
print(sorted([("b", 2), ("a", 1)], key=operator.itemgetter(1)))
@functools.wraps(fib)
def g(): pass
print(g.__name__)
