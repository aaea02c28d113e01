# list: every method, slicing with steps, slice assignment and deletion
# (including extended slices), in-place operators, aliasing, errors.

nums = list(range(10))
print(nums[2:8:2], nums[::-3], nums[-4:-1], nums[8:2:-2], nums[::], nums[100:], nums[-100:2])
nums[1:4] = ["a", "b"]
print(nums)
nums[::3] = [None] * len(nums[::3])
print(nums)
nums[2:2] = [7, 7]
del nums[::4]
print(nums)
del nums[-2:]
nums[len(nums):] = [99]
print(nums, len(nums))
try:
    nums[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
rev = list("abcdef")
rev[::-2] = "XYZ"
print(rev)
rev[1:5] = []
print(rev)

items = [5, 3, 8, 1]
items.append(9)
items.extend((2, 6))
items.insert(0, 0)
items.insert(-1, 4)
items.insert(100, 10)
print(items, items.index(8), items.count(3), items.pop(), items.pop(2), items)
items.remove(8)
items.reverse()
print(items, items.copy() == items, items.copy() is items)
items.sort()
print(items, sorted(items, reverse=True), items.index(5, 2))
items.clear()
print(items, bool(items))
for bad in [lambda: [].pop(), lambda: [1].remove(2), lambda: [1].index(2), lambda: [1][5], lambda: [1, 2, 3][::0]]:
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)

a = [1, 2]
b = a
a += [3]
print(a, b, a is b)
a = a + [4]
print(a, b, a is b)
m = [[0] * 2] * 2
m[0][0] = 5
print(m)
m = [[0] * 2 for _ in range(2)]
m[0][0] = 5
print(m)
grid = [1, 2]
grid *= 3
print(grid, [0] * 0, [] * 5, [1, 2] * -1)
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [3] > [2, 9], [1, [2]] == [1, [2]], [1] != [1.0])
print(list("abc"), list((1, 2)), list({"k": 1}), list(range(3)), list(map(abs, [-1, -2])))
nested = [3, [1, 2], [4, [5]]]
copy = nested[:]
copy[1].append(99)
print(nested, copy, nested[1] is copy[1])
print(sum([[1], [2, 3]], []), [x for x in [3, 1, 2] if x > 1], max([[1, 2], [1, 3]]), min([[], [0]]))
