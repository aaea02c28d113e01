# str methods beyond the basics: affixes, translate tables, predicates,
# and ascii().

for s in ["test_case.py", "case.py", "test_"]:
    print(s.removeprefix("test_"), s.removesuffix(".py"), s.removeprefix(""), s.removesuffix("zz"))

table = str.maketrans("abc", "xyz", "d")
print(sorted(table.items()))
print("abcdabcd".translate(table), "hello".translate({ord("l"): "L", ord("o"): None}))
print("route 66".translate(str.maketrans({"6": "six", "r": 82})))
rot13 = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "nopqrstuvwxyzabcdefghijklmNOPQRSTUVWXYZABCDEFGHIJKLM",
)
secret = "Hello, World!".translate(rot13)
print(secret, secret.translate(rot13))

for s in ["abc", "tab\there", "new\nline", "", "é", "\x7f", " "]:
    print(repr(s), s.isprintable(), s.isascii())

print(ascii("héllo wörld"), ascii(["naïve", 1, "ok"]), ascii("\u20ac\U0001f600"), ascii(3.5))
print("%a|%r|%s" % ("é", "é", "é"), f"{'ü'!a}")

try:
    str.maketrans("ab", "c")
except ValueError as e:
    print("ValueError:", e)
try:
    str.maketrans(1)
except TypeError as e:
    print("TypeError:", e)
words = "the quick brown fox".split()
print(" ".join(w.capitalize() for w in words), "-".join(reversed(words)))
print("x=1;y=2".partition(";"), "a.b.c".rpartition("."), "  padded  ".strip().center(12, "*"))
