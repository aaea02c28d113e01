# for loops over every in-scope iterable, with break/continue and the loop else clause.
for x in [1, 2, 3]:
    print(x, end=' ')
print()
for ch in 'hey':
    print(ch, end=' ')
print()
for item in (True, None, 1.5):
    print(item, end=' ')
print()
for k in {'b': 1, 'a': 2}:
    print(k, end=' ')
print()
def find(items, target):
    for i in range(len(items)):
        if items[i] == target:
            print('found', target, 'at', i)
            break
    else:
        print(target, 'not found')
find([4, 5, 6], 5)
find([4, 5, 6], 7)
find([], 1)
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=' ')
print()
total = 0
for i in range(20):
    if i % 3 == 0:
        continue
    if i > 15:
        break
    total = total + i
print(total)
for i in range(3):
    pass
print('loop variable after loop:', i)
for i in range(0):
    print('never')
else:
    print('else after empty loop')
items = [1, 2, 3]
for x in items:
    if x == 1:
        items.append(4)
    print(x, end=' ')
print(items)
for outer in range(3):
    for inner in range(3):
        if inner == outer:
            continue
        if inner > outer:
            break
        print(outer, inner, end=' | ')
print()
