# range objects: 1/2/3 argument forms, negative steps, empty ranges, len, indexing, in, repr.
def show(r):
    out = []
    for x in r:
        out.append(x)
    print(repr(r), len(r), out)
show(range(5))
show(range(2, 7))
show(range(0, 20, 3))
show(range(10, 0, -1))
show(range(10, 0, -3))
show(range(-5, 5, 4))
show(range(0))
show(range(5, 5))
show(range(5, 2))
show(range(2, 5, -1))
show(range(-3))
r = range(3, 30, 4)
print(r[0], r[2], r[-1], r[-2], len(r), 7 in r, 8 in r, 31 in r, -1 in range(-5, 0))
print(range(0, 10) == range(0, 10), range(0) == range(5, 5), range(1, 2, 3))
print(range(10 ** 20)[-1], range(0, 10 ** 20, 7)[3], 10 ** 19 in range(10 ** 20))
total = 0
for i in range(100000):
    total = total + i
print(total, sum(range(101)), max(range(7)), min(range(3, 9)))
for i in range(3):
    for j in range(i):
        print(i, j, end=' ')
print()
