# Arbitrary-precision ints: growth past 64 bits, arithmetic, floor div/mod with negatives.
x = 2 ** 200
print(x)
print(-x)
print(x + 1, x - 1)
print(x * x)
print(x // 3, x % 3)
print(-x // 3, -x % 3)
print(x // -3, x % -3)
print(-x // -3, -x % -3)
print(x // 7, x % 7, -x // 7, -x % 7)
y = 3 ** 100
print(y)
print(x // y, x % y, -x // y, -x % y, x // -y, x % -y)
print((x // y) * y + x % y == x, (-x // y) * y + (-x) % y == -x)
print(x // x, x % x, (x + 5) // x, -(x + 5) // x)
print(x / 2 ** 199, x / y)
print(x == 2 ** 200, x != x + 1, x > y, -x < -y, x >= x, 2 ** 64 > 2 ** 63)
print(x - x, x - x == 0, (x * 3) // 3 == x)
f = 1
n = 1
while n <= 50:
    f = f * n
    n = n + 1
print(f)
print(f // (2 ** 40), f % 1000000007)
# shrinking back to small values
z = 2 ** 100 - 2 ** 100 + 5
print(z, z * 2, z - 10)
print(10 ** 40 // 10 ** 39, 10 ** 40 % 10 ** 39, -(10 ** 40) // 10 ** 39)
print(abs(-x) == x, -(-x) == x)
