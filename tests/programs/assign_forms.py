# Assignment forms: chained, tuple/list targets, nested targets, subscripts, swaps through indices.
a = b = c = 5
print(a, b, c)
x = y = []
x.append(1)
print(x, y, x is y)
[p, q] = 1, 2
(r, s) = [3, 4]
print(p, q, r, s)
(a, (b, c)), d = (1, (2, 3)), 4
print(a, b, c, d)
lst = [10, 20, 30]
lst[0], lst[2] = lst[2], lst[0]
print(lst)
i = 0
i, lst[i] = 1, 'set index 1'
print(i, lst)
m = {}
m['a'], m['b'] = 'A', 'B'
print(m)
first, second = 'hi'
print(first, second)
k, v = ('key', [1, 2])
v.append(3)
print(k, v)
