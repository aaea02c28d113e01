# dict: construction forms, every method, ordering after deletes and
# updates, equality, keys of mixed hashable types, errors.

d = dict(a=1, b=2)
d2 = dict([("x", 10), ("y", 20)], z=30)
d3 = dict(d, c=3)
d4 = dict(zip("pq", range(2)))
print(d, d2, d3, d4, dict(), {})
print(d3.get("a"), d3.get("zz"), d3.get("zz", "dflt"), d3["c"], len(d3), "b" in d3, "zz" not in d3)
print(d3.setdefault("a", 100), d3.setdefault("n", []), d3)
d3["n"].append(1)
print(d3.pop("n"), d3.pop("missing", None), d3)
d3.update({"b": 20, "e": 5})
d3.update([("f", 6)], g=7)
print(d3, list(d3.keys()), list(d3.values()), list(d3.items())[:2])
print(d3.popitem(), d3.popitem(), d3)
del d3["a"]
d3["a"] = "back at the end"
print(d3, list(d3))
print({1: "int", 1.0: "float", True: "bool"}, {(1, 2): "tuple", frozenset({1}): "fs", None: "none"})
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} == {"a": 1.0}, {"a": [1]} != {"a": [2]})
c = d2.copy()
c["x"] = -1
print(d2["x"], c["x"], c.clear(), c)
for bad in [lambda: {}["k"], lambda: {}.pop("k"), lambda: {}.popitem(), lambda: {[]: 1}, lambda: dict([1, 2]),
            lambda: dict([("a", 1, 2)])]:
    try:
        bad()
    except (KeyError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts, key=lambda k: (-counts[k], k)))
nested = {"outer": {"inner": {"leaf": 1}}}
nested["outer"]["inner"]["leaf"] += 1
nested.setdefault("other", {}).setdefault("deep", 0)
print(nested, {k: v for k, v in nested.items() if v})
print(dict.fromkeys(["a", "b"], 0), sorted({3: 1, 1: 2, 2: 3}), sorted({3: 1, 1: 2}.items(), key=lambda kv: kv[1]))
big = {i: i * i for i in range(1000)}
for i in range(0, 1000, 2):
    del big[i]
print(len(big), list(big)[:5], big[999], sum(big.values()))
