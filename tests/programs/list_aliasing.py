# Lists are mutable and shared by reference: aliases see changes, rebinding does not affect them.
a = [1, 2, 3]
b = a
b.append(4)
print(a, b, a is b)
b = b + [5]
print(a, b, a is b)
def mutate(lst):
    lst.append('m')
    lst[0] = 'x'
def rebind(lst):
    lst = ['new']
    return lst
mutate(a)
print(a)
print(rebind(a), a)
rows = []
row = [0, 0]
rows.append(row)
rows.append(row)
rows[0][1] = 7
print(rows)
rows2 = []
i = 0
while i < 2:
    rows2.append([0, 0])
    i = i + 1
rows2[0][1] = 7
print(rows2)
t = ([1], [2])
t[0].append(10)
print(t)
c = a
a += ['plus']
print(c is a, c)
d = [1]
e = d
d = d * 2
print(d, e)
