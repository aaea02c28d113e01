# if / elif / else chains, nested ifs, truthiness of conditions.
def classify(n):
    if n < 0:
        return 'negative'
    elif n == 0:
        return 'zero'
    elif n < 10:
        return 'small'
    elif n < 100:
        return 'medium'
    else:
        return 'large'
for n in [-5, 0, 3, 42, 1000, 2 ** 80, -0.5, 9.99]:
    print(n, classify(n))
def grade(score):
    if score >= 90:
        g = 'A'
    elif score >= 80:
        g = 'B'
    else:
        if score >= 50:
            g = 'C'
        else:
            g = 'F'
    return g
print(grade(95), grade(85), grade(60), grade(10))
for v in [0, 1, '', 'x', [], [0], None, 0.0, {}, {'k': 0}]:
    if v:
        print(repr(v), 'truthy')
    else:
        print(repr(v), 'falsy')
x = 7
if x > 5: print('one-line if')
if x > 100:
    pass
else:
    print('else branch')
if not x % 7 and x:
    print('multiple of 7')
