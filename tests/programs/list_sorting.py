# Sorting: stability, key functions, reverse keeps stability, multi-key
# sorts, sorting by several passes, and errors on incomparable items.
from functools import cmp_to_key
from operator import itemgetter, attrgetter

people = [("alice", 30, "eng"), ("bob", 25, "ops"), ("carol", 30, "ops"), ("dave", 25, "eng"), ("eve", 35, "eng")]
print(sorted(people, key=itemgetter(1)))
print(sorted(people, key=itemgetter(1), reverse=True))
print(sorted(people, key=lambda p: (p[2], -p[1], p[0])))
by_dept = sorted(people, key=itemgetter(0), reverse=True)
by_dept.sort(key=itemgetter(2))
print([p[0] for p in by_dept])
print(sorted("The quick Brown fox".split(), key=str.lower), sorted("bca"), sorted([3, 1, 2], reverse=True))
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.casefold), sorted(words, key=len), sorted(words, key=lambda w: (len(w), w)))


class Card:
    ranks = "23456789TJQKA"

    def __init__(self, text):
        self.rank, self.suit = text[0], text[1]

    def __repr__(self):
        return self.rank + self.suit

    def __lt__(self, other):
        return self.ranks.index(self.rank) < self.ranks.index(other.rank)


hand = [Card(t) for t in ["Kh", "2s", "Ah", "Td", "2h", "9c"]]
print(sorted(hand), max(hand), min(hand), sorted(hand, key=attrgetter("suit")))


def by_parity_then_value(a, b):
    if a % 2 != b % 2:
        return (a % 2) - (b % 2)
    return a - b


print(sorted(range(10), key=cmp_to_key(by_parity_then_value)))
stable = [(1, "a"), (0, "b"), (1, "c"), (0, "d"), (1, "e")]
print(sorted(stable, key=itemgetter(0)), sorted(stable, key=itemgetter(0), reverse=True))
nums = [5, -3, 2, -8, 0, 7]
nums.sort(key=abs)
print(nums, sorted(nums, key=lambda n: n * n, reverse=True))
print(sorted([[2, "b"], [1, "z"], [2, "a"]]), sorted([(1, 2), (1,), ()]), sorted({3: "x", 1: "y"}.items()))
print(sorted([0.5, 1, -2, 3.25, True, False]), sorted(["10", "9", "100"]), sorted(["10", "9", "100"], key=int))
for bad in [[1, "a"], [None, 1], [{}, {}]]:
    try:
        sorted(bad)
    except TypeError as e:
        print("TypeError:", e)
big = [(i * 7919) % 1000 for i in range(200)]
print(sorted(big)[:10], sorted(big) == sorted(big, key=lambda x: x), big.index(max(big)))
