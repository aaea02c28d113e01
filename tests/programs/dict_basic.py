# dict operations: lookup, assignment, in, get, len, del, iteration, key equality across types.
d = {'a': 1, 'b': 2}
print(d['a'], d.get('b'), d.get('z'), d.get('z', 'dflt'), d.get('a', 'dflt'))
d['c'] = 3
print(len(d), 'c' in d, 'z' in d, 'z' not in d, 1 in d)
del d['b']
print(d, len(d))
mixed = {1: 'int', 'one': 'str', (1, 2): 'tuple', None: 'none', 2.5: 'float', True: 'bool?'}
print(mixed)
print(mixed[1], mixed[(1, 2)], mixed[None], mixed[2.5])
k = {}
k[1] = 'a'
k[1.0] = 'b'
k[True] = 'c'
print(k, len(k))
k[0] = 'zero'
print(k[False], k[0.0], -0.0 in k)
big = {2 ** 100: 'big', -(2 ** 100): 'neg'}
print(big[2 ** 100], big[-(2 ** 100)], 2 ** 100 + 1 in big)
counts = {}
for w in 'the cat and the hat and the bat'.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
nested = {'outer': {'inner': [1, 2, {'deep': True}]}}
print(nested, nested['outer']['inner'][2]['deep'])
nested['outer']['inner'].append(3)
print(nested)
print({}, len({}), {'x': {}}, {1: 2} == {1: 2}, {1: 2, 3: 4} == {3: 4, 1: 2}, {1: 2} != {1: 3})
total = 0
for key in counts:
    total = total + counts[key]
print(total, sum(counts.values()), max(counts.values()), min(counts.keys()))
u = {'é': 1, '日本': 2}
print(u, u['日本'])
