# Lambdas: expressions as functions, with defaults, closures, and passed to min/max as keys.
sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(7), add(1), add(1, 2), add(b=5, a=5), (lambda: 'no args')())
make_mul = lambda n: lambda x: x * n
triple = make_mul(3)
print(triple(4), make_mul('ab')(2))
words = ['banana', 'Apple', 'cherry', 'fig']
print(max(words, key=lambda w: len(w)), min(words, key=lambda w: w.lower()), min(words, key=len))
pairs = [(1, 'b'), (3, 'a'), (2, 'c')]
print(max(pairs, key=lambda p: p[1]), min(pairs, key=lambda p: -p[0]))
ops = {'+': lambda a, b: a + b, '-': lambda a, b: a - b, '*': lambda a, b: a * b}
for sym in ops:
    print(sym, ops[sym](6, 3))
def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x
print(apply_n(lambda v: v * 2, 10, 1), apply_n(lambda s: s + '!', 3, 'hey'))
varargs = lambda *a, **k: (a, k)
print(varargs(1, 2, z=3))
kwonly = lambda *, k=0: k + 1
print(kwonly(), kwonly(k=41))
