# Dict and set comprehensions: conditions, nested loops, inversion,
# grouping, and how duplicates and ordering come out.

words = "the quick brown fox jumps over the lazy dog the end".split()
lengths = {w: len(w) for w in words}
print(lengths)
print({w: i for i, w in enumerate(words)})
print(sorted({len(w) for w in words}), sorted({w[0] for w in words if len(w) > 3}))
counts = {w: words.count(w) for w in words}
print({w: c for w, c in counts.items() if c > 1})
inverted = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inverted)
grid = {(r, c): r * 3 + c for r in range(3) for c in range(3) if r != c}
print(grid)
print({k: v for k, v in sorted(grid.items(), key=lambda kv: -kv[1])[:3]})
by_len = {n: [w for w in sorted(set(words)) if len(w) == n] for n in sorted({len(w) for w in words})}
print(by_len)
print({x % 5 for x in range(20)}, {(x, x % 2) for x in range(4)} == {(0, 0), (1, 1), (2, 0), (3, 1)})
nested = {outer: {inner: outer * inner for inner in range(1, 3)} for outer in range(1, 4)}
print(nested, nested[3][2])
print({i: chr(65 + i) for i in range(5)}, {c: ord(c) for c in "xyz"})
pairs = [("a", 1), ("b", 2), ("a", 3)]
merged = {}
for k, v in pairs:
    merged.setdefault(k, []).append(v)
print(merged, {k: sum(v) for k, v in merged.items()})
frozen = frozenset(x * x for x in range(-3, 4))
print(sorted(frozen), len(frozen), {frozenset({1, 2}): "key"}[frozenset({2, 1})])
