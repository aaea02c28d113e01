# str() and repr() of every in-scope type, including containers nesting other containers.
things = [0, -12, 2 ** 65, 0.5, -0.0, 1e16, True, None, 'text', "quote'd", [], [1, [2]],
          (), (1,), (1, 'a'), {}, {'k': [1, (2,)]}, range(3), range(1, 9, 2)]
for t in things:
    print(str(t), '|', repr(t))
print(str(), repr(''), str(str(5)), repr(repr(5)))
print(len(str(2 ** 1000)), str(2 ** 1000)[:20], str(-2 ** 1000)[-10:])
print(repr([1.0, 2.5e-8, float('inf')]), str((0.1 + 0.2,)))
print(str(len), str(print) == repr(print))
