# List slicing returns new lists; steps and negative indices behave like str slicing.
a = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
print(a[2:5], a[:3], a[7:], a[-3:], a[:-3], a[::2], a[1::3], a[::-1], a[8:2:-2], a[-1:-4:-1])
print(a[5:2], a[100:], a[-100:3], a[3:100:4], a[::-100])
b = a[:]
b[0] = 'changed'
print(a[0], b[0], a is b, a == a[:])
nested = [[1, 2], [3, 4]]
shallow = nested[:]
shallow[0].append(99)
print(nested, shallow)
s = a[2:8]
print(s, len(s), s[::-1][1:3])
print((1, 2, 3, 4)[1:3], (1, 2, 3, 4)[::-1], (1,)[5:], range(10)[2:8:2])
