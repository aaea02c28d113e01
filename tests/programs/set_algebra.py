# set and frozenset: algebra as operators and methods, in-place updates,
# comparisons, membership of mixed values, and frozensets as keys.

a, b = {1, 2, 3, 4}, {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection(b, range(4))), sorted(a.difference([1], {2})), sorted(a.symmetric_difference([4, 6])))
print(a <= a, a < a, {1, 2} < a, a >= {1}, a > {1, 2, 3, 4}, a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({9}))
c = set(a)
c |= {10}
c &= {1, 2, 10, 11}
c -= {2}
c ^= {1, 20}
print(sorted(c))
c.update([7, 8], (9,))
c.intersection_update(range(9))
c.difference_update({7})
c.symmetric_difference_update({0, 8})
print(sorted(c))
s = {3, 1, 2}
s.add(2)
s.add(4)
s.discard(10)
s.remove(1)
print(sorted(s), len(s), 2 in s, 1 not in s, s.pop() in {2, 3, 4}, len(s))
for bad in [lambda: set().pop(), lambda: {1}.remove(2), lambda: {[1]}, lambda: {1} | [2], lambda: frozenset().add]:
    try:
        bad()
    except (KeyError, TypeError, AttributeError) as e:
        print(type(e).__name__, e)
f = frozenset("hello")
g = frozenset("world")
print(sorted(f), sorted(f & g), type(f | g).__name__, type({1} | f).__name__, type(f | {1}).__name__)
index = {frozenset({"a", "b"}): "ab", frozenset(): "empty"}
print(index[frozenset("ba")], index[frozenset()], hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
print({1, 1.0, True}, {0, False, 0.0}, len({"a", "A", "a".upper()}), set("aabbc") == {"a", "b", "c"})
print(set(), frozenset(), repr({1}), repr(frozenset({1})), sorted({(1, 2), (1, 2), (2, 1)}))
primes = set(range(2, 50))
for n in range(2, 8):
    primes -= set(range(n * n, 50, n))
print(sorted(primes))
seen, dupes = set(), set()
for w in "a b c a d b e a".split():
    (dupes if w in seen else seen).add(w)
print(sorted(seen), sorted(dupes))
print({x % 3 for x in range(10)} == {0, 1, 2}, set(range(5)) - {0} == {1, 2, 3, 4}, f == frozenset("olleh"))
