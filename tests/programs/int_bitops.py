# Bitwise operators on small and big ints, including negatives (two's complement semantics).
a = 0b1100
b = 0b1010
print(a & b, a | b, a ^ b, ~a, ~0, ~-1)
print(a << 3, a >> 2, 1 << 0, 5 >> 10)
print(-5 & 0xFF, -5 | 3, -5 ^ 3, -1 & 12345)
print(-1 >> 1, -1 >> 100, -8 >> 1, -9 >> 1, -16 >> 2)
print(1 << 62, 1 << 63, 1 << 64, 1 << 100)
print((1 << 100) >> 99, (1 << 100) >> 200, -(1 << 100) >> 3, -(1 << 100) >> 200)
big = (1 << 130) + 12345
print(big & 0xFFFF, big | 1, big ^ big, big & -big)
print(~big, -big & 0xFFFFFFFF, (-big) >> 64)
print((2 ** 70 - 1) & (2 ** 68 + 3), (2 ** 70) | (2 ** 3), (2 ** 70 - 1) ^ (2 ** 69))
print(True & False, True | False, True ^ True, ~True)
x = 1
i = 0
while i < 10:
    x = (x << 7) ^ (x >> 3) ^ i
    i = i + 1
print(x)
