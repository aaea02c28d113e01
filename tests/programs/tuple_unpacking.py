# Tuples: packing, unpacking, swapping, nested unpacking, immutability of structure.
t = 1, 2, 3
print(t, len(t), t[0], t[-1], t[1:])
a, b, c = t
print(a, b, c)
a, b = b, a
print(a, b)
x, y, z = 'xyz'
print(x, y, z)
p, q = [10, 20]
print(p, q)
(m, n), o = (1, 2), 3
print(m, n, o)
a, b, c = c, a, b
print(a, b, c)
print((), (1,), (1, 2), ((1, 2), (3,)), len(()), (1,) + (2, 3), (0,) * 3, 2 * ('a', 'b'))
print(1 in t, 5 in t, (1, 2) == (1, 2), (1, 2) < (1, 3), (1, 2) < (1, 2, 0))
def pair():
    return 'left', 'right'
l, r = pair()
print(l, r, pair())
for i, ch in [(0, 'a'), (1, 'b')]:
    print(i, ch)
for key, (lo, hi) in [('r', (0, 9)), ('s', (5, 7))]:
    print(key, lo, hi, hi - lo)
fa, fb = 0, 1
i = 0
while i < 10:
    fa, fb = fb, fa + fb
    i = i + 1
print(fa, fb)
single = 'only',
print(single, len(single))
