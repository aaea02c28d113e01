import pprint
data = {"name": "pyfast", "tags": ["fast", "debuggable", "rust", "python", "tiers", "jit", "inspect"],
        "nested": {"z": list(range(30)), "a": {"deep": [(1, 2), (3, 4)], "s": {3, 1, 2}}},
        "tuple1": (1,), "frozen": frozenset({2, 1}), "b": None, 1: "int key"}
pprint.pprint(data)
pprint.pprint(data, width=40)
pprint.pprint(data, width=120, sort_dicts=False)
pprint.pprint(data, indent=4, width=50)
pprint.pprint(data, depth=2)
print(pprint.pformat(list(range(40))))
pprint.pprint(["short", "x" * 90])
pprint.pprint({"text": "The quick brown fox jumps over the lazy dog and keeps running far into the distance.\nSecond line here."})
pprint.pprint("a long top level string " * 5, width=30)
r = [1, 2]
r.append(r)
print(pprint.pformat(r).split(" with id=")[0], pprint.saferepr(r).split(" with id=")[0])
print(pprint.isrecursive(r), pprint.isreadable([1, "a"]), pprint.isreadable(object()))
pprint.pprint([[1, 2, [3, 4, [5, 6, [7, 8]]]]] * 3, width=20)
pprint.pp({"b": 1, "a": 2})
pprint.pprint(((1, 2, 3) * 10,))
pprint.pprint({"k" * 10: [{"x": i, "y": str(i) * 5} for i in range(4)]}, width=30)
pprint.pprint(10**20, underscore_numbers=True)
