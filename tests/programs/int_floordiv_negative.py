# Floor division and modulo round toward negative infinity (not toward zero).
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (0, -3), (1, 3), (-1, 3),
         (1, -3), (-1, -3), (6, 3), (-6, 3), (6, -3), (-6, -3), (100, 7), (-100, 7)]
for p in pairs:
    a, b = p
    q = a // b
    r = a % b
    print(a, b, q, r, q * b + r == a)
# the sign of a % b follows b
print(-1 % 10, 1 % -10, -11 % 10, 11 % -10)
print(-3 // 1, 3 // -1, -1 // 1000000, 1 // -1000000)
