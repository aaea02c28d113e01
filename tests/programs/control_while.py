# while loops with break, continue and else.
i = 0
while i < 10:
    i = i + 1
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print('odd', i)
print('after', i)
n = 0
while n < 3:
    n = n + 1
else:
    print('while-else ran, n =', n)
n = 0
while True:
    n = n + 1
    if n == 4:
        break
else:
    print('never printed')
print('broke at', n)
while False:
    print('never')
else:
    print('else of a loop that never ran')
# collatz lengths
def collatz_len(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps = steps + 1
    return steps
best = 0
best_n = 0
k = 1
while k < 1000:
    c = collatz_len(k)
    if c > best:
        best = c
        best_n = k
    k = k + 1
print(best_n, best, collatz_len(27), collatz_len(2 ** 100))
# nested while with break out of the inner loop only
i = 0
while i < 4:
    j = 0
    while True:
        if j >= i:
            break
        j = j + 1
    print(i, j, end=' ')
    i = i + 1
print()
