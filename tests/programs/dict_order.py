# dicts keep insertion order; overwriting keeps the position, delete + reinsert moves to the end.
d = {}
d['zebra'] = 1
d['apple'] = 2
d['mango'] = 3
print(d)
d['zebra'] = 10
print(d)
del d['zebra']
d['zebra'] = 100
print(d, len(d))
for k in d:
    print(k, d[k])
print(d.keys(), d.values(), d.items())
e = {3: 'c', 1: 'a', 2: 'b'}
for k, v in e.items():
    print(k, v, end='; ')
print()
for v in e.values():
    print(v, end=' ')
print()
i = 20
big = {}
while i > 0:
    big[i * 7 % 23] = i
    i = i - 1
keys = ''
for k in big.keys():
    keys = keys + str(k) + ','
print(keys)
# delete most entries, then add new ones: order must stay insertion order
n = 1
while n <= 20:
    if n % 3 != 0:
        del big[n * 7 % 23]
    n = n + 1
big[-1] = 'new'
big[6 * 7 % 23] = 'again'
print(big)
m = {}
j = 0
while j < 1000:
    m[j] = j
    j = j + 1
j = 0
while j < 995:
    del m[j]
    j = j + 1
m[0] = 'back'
print(m, len(m))
