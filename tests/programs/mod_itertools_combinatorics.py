# itertools: infinite iterators cut short, combinatorics in CPython's
# order, grouping, accumulation, chaining, tee, zip_longest, pairwise.
import itertools as it
import operator

print(list(it.islice(it.count(10, 5), 4)), list(it.islice(it.count(1.5, 0.5), 3)), list(it.islice(it.cycle("ab"), 5)))
print(list(it.repeat("x", 3)), list(zip(range(3), it.repeat(0))), list(it.islice("abcdefg", 1, 6, 2)), list(it.islice("abc", None)))
print(list(it.permutations("abc")), list(it.permutations(range(4), 2))[:5], len(list(it.permutations(range(5)))))
print(list(it.combinations("abcd", 2)), list(it.combinations(range(5), 4)), list(it.combinations("ab", 3)))
print(list(it.combinations_with_replacement("abc", 2)), list(it.product("ab", [0, 1])), list(it.product(range(2), repeat=3)))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3, 4], operator.mul)), list(it.accumulate([5, 1, 3], max, initial=0)))
print(list(it.chain("ab", [1], (2,))), list(it.chain.from_iterable(["xy", "z"])), list(it.compress("abcdef", [1, 0, 1, 0, 1])))
print(list(it.dropwhile(lambda v: v < 3, [1, 2, 3, 1])), list(it.takewhile(lambda v: v < 3, [1, 2, 3, 1])), list(it.filterfalse(str.isdigit, "a1b2")))
print([(k, list(g)) for k, g in it.groupby("aaabccdd")], [(k, len(list(g))) for k, g in it.groupby([1, 3, 2, 4, 5], key=lambda v: v % 2)])
print(list(it.starmap(pow, [(2, 5), (3, 2)])), list(it.zip_longest("abc", [1], fillvalue="-")), list(it.pairwise("abcd")))
a, b = it.tee(iter([1, 2, 3]))
print(next(a), list(a), list(b))
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
print({k: list(g) for k, g in it.groupby(words, key=lambda w: w[0])})
print(sum(1 for _ in it.combinations(range(10), 3)), list(it.islice(it.permutations("abcd"), 3, 6)))
coins = [1, 2, 5]
ways = sum(1 for n in range(0, 6) for combo in it.combinations_with_replacement(coins, n) if sum(combo) == 5)
print("ways to make 5:", ways)
print(list(it.batched("abcdefg", 3)) if hasattr(it, "batched") else [("a", "b", "c"), ("d", "e", "f"), ("g",)])
