# Small-int arithmetic: + - * / // % ** and unary minus/plus, with negatives.
a = 17
b = 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2)
print(-a + b, -a - b, -a * b, -a / b, -a // b, -a % b, (-a) ** 3)
print(+a, -(-a), -0, 0 - 0)
print(7 / 7, 0 / 5, 1 / 4, 10 / 4, -9 / 3)
print(2 ** 10, 2 ** 0, 0 ** 0, 1 ** 100, (-1) ** 101, (-1) ** 100)
print(2 ** -1, 2 ** -2, (-2) ** -1, 10 ** -3)
print(3 * 0, 0 * -3, 100 - 250, 12345 * 6789)
print(1 + 2 * 3 - 4 // 2 + 5 % 3, (1 + 2) * (3 - 4), 2 ** 3 ** 2, -2 ** 2)
x = 0
i = 0
while i < 100:
    x = x * 3 + i
    x = x % 1000003
    i = i + 1
print(x)
# results near the edge of a 62-bit tagged int must stay exact
big = 4611686018427387903
print(big, big + 1, big + big, -big - 1, -big - 2, big * 2 - big)
print(2 ** 62 - 1, 2 ** 62, 2 ** 63, -(2 ** 63), 2 ** 64 - 1)
print(9223372036854775807 + 1, -9223372036854775808 - 1)
print(3037000499 * 3037000499, 3037000500 * 3037000500)
