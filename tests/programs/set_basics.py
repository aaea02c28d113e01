s = {5, 3, 1, 3, 9, 7}
print(s, len(s), 3 in s, 4 in s)
t = set(range(0, 12, 2))
print(sorted(s | t), s & t, s - t, sorted(s ^ t))
s.add(100)
s.discard(5)
print(sorted(s), {1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, frozenset([3, 1]))
print({x * x for x in range(-3, 4)}, set("hello") == set("olleh"))
print({(1, 2), (3, 4)} == {(3, 4), (1, 2)}, {1, 2, 3}.issubset(range(5)))
