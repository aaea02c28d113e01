# Dict views as sets, dict union operators, fromkeys, reversed order.

inventory = {"apple": 3, "banana": 0, "cherry": 7}
stock = {"banana": 5, "durian": 1}
k = inventory.keys()
print(sorted(k & stock.keys()), sorted(k | stock.keys()), sorted(k - stock), sorted(k ^ {"apple", "fig"}))
print(sorted({"cherry", "kiwi"} & k), sorted(["apple", "x"] & k) if False else None, k == {"apple", "banana", "cherry"})
print(sorted(inventory.items() - {("banana", 0)}), ("apple", 3) in inventory.items(), 7 in inventory.values())
print(k.isdisjoint({"zzz"}) if hasattr(k, "isdisjoint") else True, len(k), sorted(k))

merged = inventory | stock
print(merged, stock | inventory)
inventory |= {"elder": 2}
inventory |= [("fig", 4)]
print(inventory)
print(list(reversed(inventory)), list(reversed(inventory.values())), list(reversed(inventory.items()))[:2])

print(dict.fromkeys("abc"), dict.fromkeys(range(3), 0), dict.fromkeys([]))


class Registry(dict):
    pass


r = Registry.fromkeys(["x", "y"], [])
print(type(r).__name__, r)
live = merged.keys()
merged["new"] = 1
del merged["apple"]
print(list(live), "new" in live, "apple" in live)
try:
    for key in merged:
        merged[key + "!"] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    merged | [1]
except TypeError as e:
    print("TypeError:", e)
