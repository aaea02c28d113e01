# list: indexing, item assignment, append/pop/insert/extend, len, in, +, *.
a = [1, 2, 3]
print(a, len(a), a[0], a[-1], a[1])
a.append(4)
a.append([5, 6])
print(a, len(a))
print(a.pop(), a.pop(0), a, len(a))
a.insert(0, 'first')
a.insert(100, 'last')
a.insert(-1, 'before-last')
a.insert(-100, 'very-first')
print(a)
a.extend([7, 8])
a.extend((9,))
a.extend('ab')
a.extend(range(2))
print(a)
print(3 in a, 'first' in a, 99 in a, [5, 6] in [[5, 6]], 'b' not in a)
a[0] = 'replaced'
a[-1] = 'end'
print(a)
b = [0] * 5
print(b, [1, 2] * 3, 2 * [None], [] * 10, [1] * 0, [1] * -1)
print([1, 2] + [3], [] + [], [[1]] + [[2]])
grid = [[0] * 3] * 2
grid[0][0] = 1
print(grid)
print([], [[]], [1, [2, [3, [4]]]], ['s', 1.5, None, True, (1, 2)])
print(a == a, [1, 2] == [1, 2], [1, 2] != [2, 1], [1, 2.0] == [1.0, 2])
stack = []
i = 0
while i < 5:
    stack.append(i * i)
    i = i + 1
while len(stack) > 0:
    print(stack.pop(), end=' ')
print()
c = [3, 1, 2]
print(c.pop(1), c, c.pop(-1), c)
print(len([[1, 2], [3]]), sum([1, 2, 3]), max([4, 9, 2]), min([4, 9, 2]))
