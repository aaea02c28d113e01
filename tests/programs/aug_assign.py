# Augmented assignment on names, list items, dict values; += on lists mutates in place.
x = 10
x += 5
x -= 3
x *= 4
x //= 5
x %= 7
x **= 3
print(x)
y = 7
y /= 2
print(y)
b = 0b1111
b &= 0b1010
b |= 0b0100
b ^= 0b0001
b <<= 3
b >>= 1
print(b)
s = 'ab'
s += 'cd'
s *= 2
print(s)
lst = [1]
alias = lst
lst += [2, 3]
lst *= 2
print(lst, alias, lst is alias)
t = (1,)
t_alias = t
t += (2,)
print(t, t_alias)
grid = [[0, 0], [0, 0]]
grid[1][0] += 5
grid[0][1] -= 1
print(grid)
d = {'n': 1}
d['n'] += 10
d['n'] *= 2
print(d)
big = 1
for i in range(10):
    big *= 2 ** 20
print(big)
f = 1.5
f += 1
f *= -2
print(f)
